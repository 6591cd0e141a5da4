/**
 * The `zero-record` command line: dispatch to a command module, and `--help` / `help <command>`, which print each
 * command's own usage (the command module stays the one home of its help text).
 */
export type Command = { main(argv: string[]): Promise<number> };

export interface CommandEntry {
  /** One line for the command list. */
  readonly summary: string;
  /** Loaded on use: a command's dependencies (jscodeshift, the Svelte compiler, Prism) load only when it runs. */
  readonly load: () => Promise<Command>;
}

export type CommandTable = Readonly<Record<string, CommandEntry>>;

function overview(commands: CommandTable): string {
  const names = Object.keys(commands).sort();
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: zero-record <command> [options]',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${commands[name]!.summary}`),
    '',
    'zero-record help <command> (or zero-record <command> --help) shows a command\'s options.',
    '',
  ].join('\n');
}

/** Runs `argv` (without node and the script) against `commands`; resolves to the exit code. */
export async function runCommandLine(commands: CommandTable, argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    process.stdout.write(overview(commands));
    return 0;
  }
  if (name === 'help') {
    const entry = commands[rest[0]!];
    if (!entry) return unknown(commands, rest[0]!);
    return (await entry.load()).main(['--help']);
  }
  const entry = commands[name];
  if (!entry) return unknown(commands, name);
  return (await entry.load()).main(rest);
}

function unknown(commands: CommandTable, name: string): number {
  const known = Object.keys(commands).sort().join(', ');
  process.stderr.write(`zero-record: unknown command ${JSON.stringify(name)}. Commands: ${known} (zero-record --help)\n`);
  return 2;
}
