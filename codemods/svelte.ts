/**
 * The .svelte adapter: `svelte/compiler` parse (modern AST, absolute offsets) gives the two `<script>` blocks
 * and every template expression; each becomes a unit the same transforms run over. Edits go back into the file
 * through `applyEdits`, one pass over the source, so markup, styles and untouched code stay byte-identical.
 */
import { compile, parse } from 'svelte/compiler';
import type { JSCodeshift } from 'jscodeshift';
import type { AstNode, RootContext, Unit } from './context.ts';
import { patternNames } from './ast.ts';
import { scriptUnit, templateUnit } from './units.ts';

const SVELTE_NODES = new Set([
  'Fragment', 'Text', 'Comment', 'ExpressionTag', 'HtmlTag', 'ConstTag', 'DebugTag', 'RenderTag', 'AttachTag', 'IfBlock', 'EachBlock',
  'AwaitBlock', 'KeyBlock', 'SnippetBlock', 'RegularElement', 'Component', 'SvelteComponent', 'SvelteElement', 'SvelteSelf',
  'SvelteFragment', 'SvelteHead', 'SvelteBody', 'SvelteWindow', 'SvelteDocument', 'SvelteBoundary', 'SlotElement', 'TitleElement',
  'Attribute', 'SpreadAttribute', 'BindDirective', 'ClassDirective', 'StyleDirective', 'OnDirective', 'TransitionDirective',
  'AnimateDirective', 'UseDirective', 'LetDirective',
]);

/** Keys of Svelte nodes that hold patterns (bindings), not expressions. */
const PATTERN_KEYS: Record<string, readonly string[]> = {
  EachBlock: ['context', 'index'],
  SnippetBlock: ['expression', 'parameters'],
  AwaitBlock: ['value', 'error'],
  LetDirective: ['expression'],
};

const SKIP_KEYS = new Set(['metadata', 'name_loc', 'loc', 'attributes_loc']);

export interface SvelteUnits {
  readonly units: Unit[];
  /** Names the template binds (`{#each xs as x}`, snippet params, `{@const}`), for the shadowing check. */
  readonly templateBindings: string[];
  /**
   * Whether the component compiles in legacy mode (Svelte 4 syntax, no runes), as the Svelte compiler decides it.
   * There it reads members untracked (`{job.title}` is `untrack(() => job.title)`), so nothing a live handle is read
   * for keeps its query live or re-renders when it changes. Asked only of files with a handle to convert, then kept:
   * the compiler's analysis takes 1.6-2.3 ms per component (the bench corpus's), about a third of planning one.
   */
  readonly legacyMode: () => boolean;
}

/**
 * Whether the Svelte compiler takes `source` for a legacy-mode component (analysis only, no code generated), under
 * the runes mode the app forces, if any.
 */
function isLegacyMode(source: string, filename: string, runes: boolean | undefined): boolean {
  // Forced runes fails on Svelte 4 syntax (the app would not compile it either): the compiler's inference then.
  for (const options of runes === undefined ? [{}] : [{ runes }, {}]) {
    try {
      return !compile(source, { filename, generate: false, ...options }).metadata.runes;
    } catch {
      // Not analysable so: the next way, else the plan's own verification of the output says what is wrong.
    }
  }
  return false;
}

function contextOf(parentType: string, key: string): RootContext {
  if (parentType === 'IfBlock' && key === 'test') return 'test';
  if (parentType === 'EachBlock' && key === 'expression') return 'each';
  if (parentType === 'BindDirective') return 'bind';
  if (parentType === 'ConstTag') return 'statement';
  return 'value';
}

export function svelteUnits(j: JSCodeshift, source: string, filename: string, runes?: boolean): SvelteUnits {
  const ast = parse(source, { modern: true, filename }) as unknown as AstNode;
  const units: Unit[] = [];
  const templateBindings: string[] = [];
  for (const key of ['module', 'instance'] as const) {
    const script = ast[key] as AstNode | null;
    if (!script) continue;
    const content = script['content'] as AstNode;
    const start = content.start ?? 0;
    units.push(scriptUnit(j, filename, source.slice(start, content.end ?? start), start, key === 'module' ? 'module' : 'instance'));
  }
  const visit = (node: AstNode): void => {
    for (const [key, value] of Object.entries(node)) {
      if (SKIP_KEYS.has(key) || value === null || typeof value !== 'object') continue;
      const isPattern = PATTERN_KEYS[node.type]?.includes(key) ?? false;
      for (const child of (Array.isArray(value) ? value : [value]) as AstNode[]) {
        if (!child || typeof child !== 'object' || typeof child.type !== 'string') continue;
        if (isPattern) {
          patternNames(child, templateBindings);
          continue;
        }
        if (SVELTE_NODES.has(child.type)) visit(child);
        else if (typeof child.start === 'number' && typeof child.end === 'number') {
          const context = contextOf(node.type, key);
          if (context === 'statement') for (const d of child['declarations'] as AstNode[]) patternNames(d['id'] as AstNode, templateBindings);
          units.push(templateUnit(j, filename, source, child.start, child.end, context));
        }
      }
    }
  };
  visit(ast['fragment'] as AstNode);
  let legacy: boolean | undefined;
  return { units, templateBindings, legacyMode: () => (legacy ??= isLegacyMode(source, filename, runes)) };
}
