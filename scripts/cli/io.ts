/** Where a command writes and where it runs; tests pass their own, the CLI passes the process's. */
export interface CommandIO {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Interactive terminal on stderr: spinner instead of quiet progress lines. */
  readonly isTTY: boolean;
}

export function processIO(): CommandIO {
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
  };
}
