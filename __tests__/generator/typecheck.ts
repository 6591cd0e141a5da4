/**
 * `tsc --noEmit` through the TypeScript API, with the repo's compiler options, over a set of files.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './support.ts';

/**
 * Type-checks every `.ts` file of the given directories in ONE program (building it dominates the cost) and returns,
 * per directory, its diagnostics as `file(line): message`; errors elsewhere (the runtime's own) are not theirs.
 */
export function typeErrors(dirs: string[]): Map<string, string[]> {
  const configFile = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, repoRoot);
  const files = dirs.flatMap((dir) => ts.sys.readDirectory(dir, ['.ts']));
  // The strictest settings a team turns on (`@tsconfig/strictest`): generated code must pass them too.
  const program = ts.createProgram(files, { ...options, exactOptionalPropertyTypes: true, noEmit: true });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return new Map(
    dirs.map((dir) => [
      dir,
      diagnostics
        .filter((d) => d.file?.fileName.startsWith(`${dir}/`))
        .map((d) => {
          const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
          return `${d.file!.fileName.slice(dir.length + 1)}(${line + 1}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
        }),
    ]),
  );
}
