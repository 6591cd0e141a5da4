/** Flag parsing shared by the commands: node's parseArgs, with unknown flags turned into a UsageError. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('.')[0]! : String(error);
    throw new UsageError(message.replace(/^Unknown option/, 'unknown flag'), command);
  }
}
