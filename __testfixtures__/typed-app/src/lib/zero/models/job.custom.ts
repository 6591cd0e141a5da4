// Hand-written additions to the generated Job model object.
import { Job as Generated } from './job.generated';

export const Job = {
  ...Generated,
  findProgressive(id: string) {
    return { job: Generated.find(id), children: Generated.where({ parent_id: id }) };
  },
};
