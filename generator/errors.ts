import { ZeroRecordError } from '../runtime/core/errors.ts';

/** The generator's input (a description JSON, a Rails app, CLI flags) is unusable; `problems` names every problem found. */
export class GeneratorInputError extends ZeroRecordError {
  readonly problems: readonly string[];
  constructor(subject: string, problems: readonly string[]) {
    super(`${subject}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}
