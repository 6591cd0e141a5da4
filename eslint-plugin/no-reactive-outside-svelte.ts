/**
 * `zero-record/no-reactive-outside-svelte`: `<model>.reactive` modules (the Svelte 5 flavour, `ReactiveJob`) may be
 * imported only by `.svelte` and `.svelte.ts` files; plain TypeScript uses `<model>.active` (`ActiveJob`).
 * Type-only imports are allowed everywhere (`import type { Job } from './job.reactive'`).
 */
import type { Rule } from 'eslint';
import type { Node as EsNode } from 'estree';

const REACTIVE = /^(.*\.)reactive((?:\.svelte)?(?:\.[cm]?[jt]s)?)$/;
const SVELTE_FILE = /\.svelte(\.[cm]?[jt]s)?$/;

/** `$lib/models/job.reactive.ts` -> `$lib/models/job.active.ts`, or null when not a reactive model module. */
export function activeSpecifier(specifier: string): string | null {
  const match = REACTIVE.exec(specifier);
  if (!match) return null;
  const extension = (match[2] ?? '').replace(/^\.svelte/, '');
  return `${match[1]}active${extension}`;
}

interface TypedNode {
  importKind?: 'type' | 'value';
  exportKind?: 'type' | 'value';
}

type Source = { type: 'Literal'; value: unknown; range?: [number, number] } & EsNode;

export const noReactiveOutsideSvelte: Rule.RuleModule = {
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Import `*.reactive` models (Svelte 5 runes) only in .svelte / .svelte.ts files; use the `*.active` model elsewhere',
    },
    messages: {
      reactiveOutsideSvelte:
        "'{{specifier}}' is a Svelte 5 (runes) model: import it only in .svelte or .svelte.ts files. Here use the plain TypeScript model from '{{active}}' (Active<Model>, async finders).",
      useActive: "Import from '{{active}}' instead (Reactive<Model> becomes Active<Model>; finders become async).",
    },
    schema: [],
  },
  create(context) {
    if (SVELTE_FILE.test(context.filename)) return {};

    const report = (node: EsNode, source: Source, renames: EsNode[]) => {
      if (typeof source.value !== 'string') return;
      const active = activeSpecifier(source.value);
      if (active === null) return;
      context.report({
        node,
        messageId: 'reactiveOutsideSvelte',
        data: { specifier: source.value, active },
        suggest: [
          {
            messageId: 'useActive',
            data: { active },
            fix: (fixer) => [
              fixer.replaceText(source, JSON.stringify(active)),
              ...renames.flatMap((id) => {
                const name = id.type === 'Identifier' ? id.name : '';
                return name.startsWith('Reactive') ? [fixer.replaceText(id, `Active${name.slice('Reactive'.length)}`)] : [];
              }),
            ],
          },
        ],
      });
    };

    return {
      ImportDeclaration(node) {
        if ((node as TypedNode).importKind === 'type') return;
        const values = node.specifiers.filter((s) => (s as TypedNode).importKind !== 'type');
        // `import { type A, type B } from ...` imports no value; `import '...'` (side effects) does.
        if (node.specifiers.length > 0 && values.length === 0) return;
        const renames = values.flatMap((s) => (s.type === 'ImportSpecifier' ? [s.imported as EsNode] : []));
        report(node, node.source as Source, renames);
      },
      ExportNamedDeclaration(node) {
        if (!node.source || (node as TypedNode).exportKind === 'type') return;
        const values = node.specifiers.filter((s) => (s as TypedNode).exportKind !== 'type');
        if (node.specifiers.length > 0 && values.length === 0) return;
        report(node, node.source as Source, values.map((s) => s.local as EsNode));
      },
      ExportAllDeclaration(node) {
        if ((node as TypedNode).exportKind === 'type') return;
        report(node, node.source as Source, []);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') report(node, node.source as Source, []);
      },
    };
  },
};
