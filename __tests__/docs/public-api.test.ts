/**
 * Every public export carries a TSDoc comment, so docs/api.md and editor hovers never show an undocumented name.
 */
import { existsSync } from 'node:fs';
import { Node, Project } from 'ts-morph';
import { describe, expect, test } from 'vitest';

/** The package's public entry points (those that exist in this checkout). */
const ENTRIES = ['runtime/index.ts', 'runtime/reactive/index.svelte.ts', 'compat/index.ts'].filter((path) => existsSync(path));

function documented(node: Node): boolean {
  // Overloaded functions are documented once, on their first signature.
  const first = Node.isFunctionDeclaration(node) ? ((node.getImplementation() ?? node).getOverloads()[0] ?? node) : node;
  const holder = Node.isVariableDeclaration(first) ? first.getVariableStatement() : first;
  return holder !== undefined && Node.isJSDocable(holder) && holder.getJsDocs().length > 0;
}

describe('public API documentation', () => {
  const project = new Project({ tsConfigFilePath: 'tsconfig.json', skipAddingFilesFromTsConfig: true });
  // ts-morph resolves the whole program behind an entry: seconds, not milliseconds.
  test.each(ENTRIES)('every export of %s has a TSDoc comment', { timeout: 60_000 }, (entry) => {
    const file = project.addSourceFileAtPath(entry);
    const missing: string[] = [];
    for (const [name, declarations] of file.getExportedDeclarations()) {
      for (const declaration of declarations) {
        if (!documented(declaration)) {
          missing.push(`${name} (${declaration.getSourceFile().getFilePath().replace(`${process.cwd()}/`, '')}:${declaration.getStartLineNumber()})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
