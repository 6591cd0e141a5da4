/**
 * SvelteKit's `kit.alias` (svelte.config.js), as the paths its generated tsconfig would hold: `{ $zero: 'src/lib/zero' }`
 * maps `$zero` and `$zero/*`. Read for a project whose `.svelte-kit/tsconfig.json` is not generated yet; read by
 * parsing, not running, the config (running an app's code to migrate it is not ours to do), so only string values
 * written in the `kit: { alias: { ... } }` literal are seen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Node, ObjectLiteralExpression } from 'typescript';
import type { TypeScript } from '../typescript.ts';

const CONFIG_FILES = ['svelte.config.js', 'svelte.config.mjs', 'svelte.config.ts'];

export function kitAliasPaths(ts: TypeScript, root: string): Record<string, string[]> {
  const file = CONFIG_FILES.map((f) => join(root, f)).find((f) => existsSync(f));
  if (!file) return {};
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const paths: Record<string, string[]> = {};
  const property = (object: ObjectLiteralExpression, name: string) =>
    object.properties.find((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name);
  const visit = (node: Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const kit = property(node, 'kit');
      const kitObject = kit && ts.isPropertyAssignment(kit) && ts.isObjectLiteralExpression(kit.initializer) ? kit.initializer : undefined;
      const alias = kitObject && property(kitObject, 'alias');
      if (alias && ts.isPropertyAssignment(alias) && ts.isObjectLiteralExpression(alias.initializer)) {
        for (const entry of alias.initializer.properties) {
          if (!ts.isPropertyAssignment(entry) || !ts.isStringLiteralLike(entry.initializer)) continue;
          if (!ts.isIdentifier(entry.name) && !ts.isStringLiteral(entry.name)) continue;
          const key = entry.name.text;
          const target = resolve(root, entry.initializer.text);
          // SvelteKit's own rule: a key ending in /* maps as written; any other maps itself and what is under it.
          if (key.endsWith('/*')) paths[key] = [target];
          else {
            paths[key] = [target];
            paths[`${key}/*`] = [`${target}/*`];
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return paths;
}
