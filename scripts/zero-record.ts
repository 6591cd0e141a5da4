/**
 * `zero-record <command>`: one entry point; each command lives in its own module under scripts/.
 */
type Command = { main(argv: string[]): Promise<number> };

const commands: Record<string, () => Promise<Command>> = {};
commands['generate'] = () => import('./generate.ts');
commands['migrate'] = () => import('./migrate.ts');
commands['rollback'] = () => import('./rollback.ts');
commands['bench'] = () => import('./bench.ts');
commands['serve'] = () => import('./serve.ts');

const [commandName, ...rest] = process.argv.slice(2);
const load = commandName ? commands[commandName] : undefined;
if (!load) {
  const known = Object.keys(commands).sort().join(', ') || '(none yet)';
  process.stderr.write(`zero-record: unknown command ${JSON.stringify(commandName ?? '')}. Commands: ${known}\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await (await load()).main(rest);
}
export {};
