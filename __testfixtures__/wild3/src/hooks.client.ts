import type { HandleClientError } from '@sveltejs/kit';
import { ReactiveQueryOne, getZero, initZero } from '$lib/zero';
import type { Doctor } from '$lib/zero';
import { createFakeZero } from '$lib/utils/fake-zero';

initZero(createFakeZero());

// The on-call doctor is shown in every error page, so keep one query alive for the whole session.
const onCallTtl = '1d';
const onCallQuery = new ReactiveQueryOne<Doctor>(
  () => getZero()?.query.doctors.where('on_call', true).one() ?? null,
  null,
  onCallTtl
);

export const handleError: HandleClientError = ({ error, status }) => {
  const onCall = onCallQuery.current;
  console.error('[clinic-desk]', status, error, onCallQuery.error);
  return {
    message: status === 404 ? 'Not found' : 'Something went wrong',
    supportEmail: onCall ? `${onCall.name.toLowerCase().replace(/\s+/g, '.')}@clinic.example` : undefined
  };
};

if (import.meta.hot) {
  import.meta.hot.dispose(() => onCallQuery.destroy());
}
