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

/** An identifier the suggestion renames from `Reactive<Model>` to `Active<Model>`, with the references that go with it. */
interface Rename {
  id: EsNode;
  references: EsNode[];
}

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

    /** `ReactiveJob` -> `ActiveJob`; other names are left alone. */
    const activeName = (name: string) => (name.startsWith('Reactive') ? `Active${name.slice('Reactive'.length)}` : null);

    /** Edits renaming one identifier; a shorthand property keeps its key (`{ ReactiveJob }` -> `{ ReactiveJob: ActiveJob }`). */
    const rename = (fixer: Rule.RuleFixer, id: EsNode, to: string): Rule.Fix => {
      const parent = (id as EsNode & { parent?: EsNode }).parent;
      if (parent?.type === 'Property' && parent.shorthand && parent.value === id) return fixer.insertTextAfter(id, `: ${to}`);
      return fixer.replaceText(id, to);
    };

    const report = (node: EsNode, source: Source, renames: Rename[]) => {
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
              ...renames.flatMap(({ id, references }) => {
                const to = activeName(id.type === 'Identifier' ? id.name : '');
                return to === null ? [] : [fixer.replaceText(id, to), ...references.map((ref) => rename(fixer, ref, to))];
              }),
            ],
          },
        ],
      });
    };

    /**
     * The names an import brings in: the imported name, and when the local binding has the same name (no `as`), every
     * reference to it, so the suggestion leaves no `ReactiveJob.where(...)` pointing at nothing.
     */
    const importRenames = (specifiers: EsNode[]): Rename[] =>
      specifiers.flatMap((s): Rename[] => {
        if (s.type !== 'ImportSpecifier') return [];
        const imported = s.imported as EsNode;
        if (imported.type !== 'Identifier' || imported.name !== s.local.name) return [{ id: imported, references: [] }];
        const variable = context.sourceCode.getDeclaredVariables(s).find((v) => v.name === s.local.name);
        const references = (variable?.references ?? []).map((r) => r.identifier as EsNode).filter((id) => id !== s.local);
        return [{ id: imported, references }];
      });

    return {
      ImportDeclaration(node) {
        if ((node as TypedNode).importKind === 'type') return;
        const values = node.specifiers.filter((s) => (s as TypedNode).importKind !== 'type');
        // `import { type A, type B } from ...` imports no value; `import '...'` (side effects) does.
        if (node.specifiers.length > 0 && values.length === 0) return;
        report(node, node.source as Source, importRenames(values));
      },
      ExportNamedDeclaration(node) {
        if (!node.source || (node as TypedNode).exportKind === 'type') return;
        const values = node.specifiers.filter((s) => (s as TypedNode).exportKind !== 'type');
        if (node.specifiers.length > 0 && values.length === 0) return;
        report(node, node.source as Source, values.map((s) => ({ id: s.local as EsNode, references: [] })));
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
