import type { LayoutLoad } from './$types';

export const ssr = false;

export const load: LayoutLoad = async ({ fetch }) => {
  const res = await fetch('/api/session');
  if (!res.ok) return { userId: undefined, jwt: undefined };
  const session = (await res.json()) as { user_id: string; jwt: string };
  return { userId: session.user_id, jwt: session.jwt };
};
