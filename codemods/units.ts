/** Parsing code into units: a whole script, or one template expression re-parsed with the same parser. */
import type { JSCodeshift } from 'jscodeshift';
import { parseUnitCode, type AstNode, type RootContext, type Unit } from './context.ts';

export function scriptUnit(j: JSCodeshift, path: string, code: string, offset: number, script: Unit['script']): Unit {
  return { kind: 'script', script, code, offset, root: parseUnitCode(j, path, code), rootContext: 'program', rootNode: null };
}

/**
 * A template expression `{...}` parsed alone: wrapped in parentheses so object literals and sequences parse
 * as expressions; positions stay absolute through `offset`.
 */
export function templateUnit(j: JSCodeshift, path: string, source: string, start: number, end: number, context: RootContext): Unit {
  const slice = source.slice(start, end);
  const statement = context === 'statement';
  const code = statement ? slice : `(${slice})`;
  const root = parseUnitCode(j, path, code);
  const program = (root.get().node as AstNode)['program'] as AstNode;
  const first = (program['body'] as AstNode[])[0]!;
  const rootNode = statement ? first : (first['expression'] as AstNode);
  return { kind: 'template', script: null, code, offset: statement ? start : start - 1, root, rootContext: context, rootNode };
}
