/** `zero-record <command>` inside this repository: the published commands plus the benchmarks, which do not ship. */
import { runCommandLine } from './cli/command-line.ts';
import { COMMANDS } from './commands.ts';

process.exitCode = await runCommandLine({ ...COMMANDS, bench: { summary: "the library's benchmarks (--check: regression check)", load: () => import('./bench.ts') } }, process.argv.slice(2));
