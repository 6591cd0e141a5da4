/**
 * Legacy code written by someone who had read only docs (legacy-api.md), never the transforms, each tree with its
 * author's INVENTORY.md of every legacy use (file:line) and every must-not-touch site: __testfixtures__/wild (a
 * context-and-barrels app) and __testfixtures__/wild2 (a field-service app: class view models, Svelte 4 components,
 * `<script module>` exports, load functions, namespace imports, as SvelteKit leaves a project after `svelte-kit
 * sync` but without `./$types`) and __testfixtures__/wild3 (a clinic front desk: a handle type in a module of its
 * own, stores, contexts under Symbol keys, Svelte 4 pages, load data typed by the `$types` SvelteKit 2 generated,
 * with the app's dependencies installed) and __testfixtures__/wild4 (a stockroom typed explicitly everywhere:
 * annotated declarations, typed props, callbacks and mutator results) and __testfixtures__/wild5 (a box office written
 * partly in JavaScript: .js modules and components without lang="ts" typed by JSDoc, query factories, runes classes
 * holding queries, registries, queries rebuilt by $effect) and __testfixtures__/wild6 (a bike-share console with no
 * `svelte-kit sync` run: a model object built with `Object.assign`, a subclass of ReactiveQuery, a `kit.alias` import,
 * attachments, boundaries, snippets, generic components, a CRLF file) and __testfixtures__/wild7 (a kennel desk written
 * wholly in JavaScript with JSDoc and a jsconfig.json: stores, default exports, two kit aliases, event-driven code) and
 * __testfixtures__/wild8 (a community garden in current Svelte 5 idioms: `$derived.by`, `{#await}` with `{@const}`,
 * `$state.raw`, handles in a Map, a universal layout load returning a handle, the app's own alias of the handle type,
 * with the `.svelte-kit` SvelteKit 2.70 writes) and __testfixtures__/wild9 (a sailing club as an npm-workspaces monorepo:
 * the legacy layer is the workspace package `@tiller/data`, imported by package name, the migration run in the app's
 * folder `apps/web`; dynamic imports, computed and optional calls, destructured finders, snippets, `using`, SvelteMap)
 * and __testfixtures__/wild10 (a dental lab as a plain Vite + Svelte 5 app, not SvelteKit: `@/` and `#data` aliases, a
 * hand-rolled router, stores over `.subscribe`, a generic component, boundaries; its config names where its models are).
 * The migration must account for all of its own legacy uses (0 unaccounted), touch
 * no must-not-touch line, and leave no inventory use silently: each is converted (its line rewritten) or reported
 * (its line listed), or falls outside what the tool calls a legacy use, for a reason written down here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as migrate } from '../../scripts/migrate.ts';
import { verifyOutput } from '../../codemods/verify.ts';
import type { JsonReport } from '../../scripts/cli/report.ts';
import { captureIO, git, linkDependencies, makeProject } from './project.ts';

const FIXTURES = join(import.meta.dirname, '../../__testfixtures__');

function treeFiles(dir: string, out: Record<string, string> = {}, top = dir): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) treeFiles(abs, out, top);
    else out[relative(top, abs)] = readFileSync(abs, 'utf8');
  }
  return out;
}

interface Entry {
  readonly id: string;
  readonly path: string;
  readonly line: number;
  readonly what: string;
}

function section(text: string, from: string, to: string): string {
  return text.slice(text.indexOf(from), text.indexOf(to));
}

/** An inventory use the tool does not count, by its definition, and why. */
interface Outside {
  readonly match: RegExp;
  readonly why: string;
}

/** Uses the tool does not count in every tree: row types stay valid while the legacy modules stay, in TypeScript or JSDoc. */
const NEVER_COUNTED: Outside[] = [
  { match: /row[ -]type|enum type|JobStatus/, why: 'plain data types (rows, enums) are not legacy uses: they keep compiling and carry no behaviour' },
];

interface Tree {
  readonly name: string;
  readonly uses: number;
  readonly mustNotTouch: number;
  /** The tree's own uses outside the definition, named one by one. */
  readonly outside: Outside[];
  /** What becomes of the inventory: the figures MIGRATION.md quotes for wild; a change is a change in behaviour. */
  readonly outcomes: { readonly converted: number; readonly reported: number; readonly outside: number };
  /** Must-not-touch sites on a line that also holds a use the tool converts, and what the conversion leaves of the line. */
  readonly sharedLines?: readonly { readonly id: string; readonly why: string }[];
  /** Files the report must name for imports of their own that do not resolve. */
  readonly unresolved: readonly string[];
  /** The app's dependencies are installed (this repository's, which hold SvelteKit): its `$types` are typed. */
  readonly installed?: boolean;
  /** Workspace packages `npm install` links into node_modules: package name -> its folder in the tree. */
  readonly workspaces?: Readonly<Record<string, string>>;
  /** The folder the migration runs in (a monorepo's app), when it is not the tree's root. */
  readonly app?: string;
  /** The app's zero-record.config.json, as its team writes it (a plain Vite app names where its models are). */
  readonly config?: object;
  /**
   * The app's own .gitignore, written into the project by the test: kept out of the fixture, where it would hide the
   * generated `.svelte-kit` (its `$types`) from this repository.
   */
  readonly gitignore?: string;
}

const TREES: Tree[] = [
  {
    name: 'wild',
    uses: 276,
    mustNotTouch: 67,
    outside: [
      { match: /STRUCTURAL|structural/, why: 'a structural type ({ current }) or generic is not declared by a legacy module; the handle is reported where it is passed in' },
      { match: /^src\/lib\/zero-context\.svelte\.ts:6 /, why: 'a multi-line import: each legacy name in it is reported on its own line (7-17)' },
      { match: /^src\/routes\/\+layout\.svelte:29 /, why: 'a store destructured from a layout store object: the handle is reported where it is put into the store' },
      { match: /^src\/lib\/zero\/models\/index\.ts:8 /, why: 'a type-only re-export of a row type built on the legacy row' },
    ],
    outcomes: { converted: 19, reported: 232, outside: 25 },
    // Not installed here: the test file's vitest.
    unresolved: ['src/lib/utils/job-stats.test.ts'],
  },
  {
    name: 'wild2',
    uses: 277,
    mustNotTouch: 40,
    outside: [
      { match: /^src\/lib\/viewmodels\/dispatch-board\.svelte\.ts:34 /, why: 'a `$derived(new ...)` over several lines: reported on its first line (33)' },
      { match: /^src\/lib\/components\/TechnicianPicker\.svelte:13 /, why: 'a `$derived(new ...)` over several lines: reported on its first line (12)' },
      { match: /^src\/routes\/\+page\.svelte:12 /, why: 'a construction passed to `logged(...)` over several lines: reported on the call\'s first line (10)' },
      { match: /structural param/, why: 'a structural parameter type ({ destroy(): void }) is not declared by a legacy module; its callers are reported where they pass legacy queries' },
      { match: /mutator result `\.id`/, why: "a mutator's resolved `{ id }` is plain data, not a legacy type; the call is reported (invoice-actions.ts:24) or converted (technicians/[id]/+page.svelte:17, whose update_bang resolves to the record, id included)" },
      { match: /load handle/, why: "load data typed by ./$types, which this tree lacks (no svelte-kit sync): the report names the route under the count instead (`unresolved`)" },
    ],
    outcomes: { converted: 20, reported: 247, outside: 10 },
    // Not installed here (the tree has no node_modules): SvelteKit's `$app` modules, vitest, the adapter, vite.
    unresolved: [
      'src/lib/components/MediaAware.svelte',
      'src/lib/reports/monthly.test.ts',
      'src/routes/invoices/[id]/+page.svelte',
      'src/routes/technicians/[id]/+page.svelte',
      'src/routes/visits/[id]/+page.svelte',
      'src/routes/visits/[id]/+page.ts',
      'svelte.config.js',
      'vite.config.ts',
    ],
  },
  {
    name: 'wild3',
    uses: 228,
    mustNotTouch: 29,
    outside: [
      { match: /legacy mutation result type on a promise/, why: "a mutator's result type (`{ id }`) is plain data, not a legacy type; the converted call resolves to a found record handle, whose id is a string, so the kept annotation still holds (wild-types.proof.ts type-checks it)" },
      { match: /^src\/routes\/appointments\/\+page\.svelte:(21|26) /, why: 'two constructions in one `$derived(cond ? ... : ...)` over several lines: reported on its first line (19)' },
      { match: /^src\/routes\/appointments\/\[id\]\/\+page\.svelte:19 /, why: 'a `getContext<...>` call over several lines: reported on its first line (18)' },
      { match: /^src\/routes\/patients\/\[id\]\/\+page\.svelte:(15|18) /, why: 'a `$derived(new ...)` over several lines: reported on its first line (14, 17)' },
    ],
    outcomes: { converted: 35, reported: 187, outside: 6 },
    // Not installed here: the app's @sveltejs/adapter-static.
    unresolved: ['svelte.config.js'],
    installed: true,
    gitignore: 'node_modules\n.svelte-kit\nbuild\n',
  },
  {
    name: 'wild4',
    uses: 185,
    mustNotTouch: 12,
    outside: [
      { match: /import type \{[^}]*\} (via the \$lib\/zero barrel|from legacy model module)/, why: 'plain data types (rows, enums, create data) are not legacy uses: they keep compiling and carry no behaviour' },
      { match: /legacy subscribe meta type/, why: "the legacy classes' QueryMeta ({ isLoading, error }) is plain data, not a legacy type" },
      { match: /^src\/lib\/zero-context\.svelte\.ts:8 /, why: 'a multi-line interface: each legacy member is reported on its own line (9-18)' },
      { match: /^src\/routes\/moves\/\+page\.svelte:3 /, why: 'a multi-line import: each legacy name in it is reported on its own line (4-11)' },
      { match: /^src\/routes\/products\/\[id\]\/\+page\.svelte:17 /, why: 'a `$derived(...)` over several lines: reported on its first line (16)' },
      { match: /structural DebugQuery type|^src\/routes\/debug\/\+page\.svelte:(37|56) /, why: 'a structural type ({ current, destroy }) is not declared by a legacy module; each query is reported where it is built (18-24)' },
    ],
    outcomes: { converted: 68, reported: 98, outside: 19 },
    unresolved: [],
    installed: true,
    gitignore: 'node_modules\n',
  },  {
    name: 'wild5',
    uses: 250,
    mustNotTouch: 20,
    outside: [
      { match: /^src\/lib\/live\.ts:3 /, why: 'a multi-line re-export: each legacy name in it is reported on its own line (4, 5)' },
      { match: /mutator received as a callback prop/, why: "a callback prop typed by the app's own function type, resolving `{ id }` (plain data): the mutator is reported where it is passed (routes/shows/[id]/+page.svelte:79, 85)" },
    ],
    outcomes: { converted: 41, reported: 191, outside: 18 },
    unresolved: [],
    installed: true,
    gitignore: 'node_modules\n',
  },
  {
    name: 'wild6',
    uses: 264,
    mustNotTouch: 25,
    outside: [
      { match: /^src\/lib\/zero\/models\/index\.ts:2 /, why: 'a multi-line re-export: each legacy name in it is reported on its own line (3-6)' },
      { match: /`import type \{/, why: 'plain data types (rows) are not legacy uses: they keep compiling and carry no behaviour' },
      { match: /^src\/routes\/(bikes\/\[id\]|rentals)\/\+page\.svelte:(15|16) /, why: 'a `$derived(new ...)` over several lines: reported on its first line (14)' },
    ],
    outcomes: { converted: 39, reported: 211, outside: 14 },
    // `$env/dynamic/public`: SvelteKit declares it in the `.svelte-kit` an app's `svelte-kit sync` writes, which this tree lacks.
    unresolved: ['src/lib/zero/client.ts'],
    installed: true,
    gitignore: 'node_modules\n',
  },
  {
    name: 'wild7',
    uses: 250,
    mustNotTouch: 25,
    outside: [
      { match: /^src\/lib\/zero-context\.svelte\.js:19 /, why: 'a multi-line destructuring: each legacy name in it is reported on its own line (20-...)' },
      {
        match: /structurally typed|\{ destroy\(\): void \}\[\]|^src\/lib\/desk\/stay-helpers\.js:40 /,
        why: 'a structural JSDoc type ({ current }, { destroy(): void }[]) is not declared by a legacy module; the handle is reported where it is passed in (stays/[id]/+page.svelte:45, med-rounds.test.js:15, 18)',
      },
    ],
    outcomes: { converted: 46, reported: 199, outside: 5 },
    // No `svelte-kit sync` in the tree: a route's `./$types` does not resolve, and the report names it.
    unresolved: ['src/routes/owners/[id]/+page.js', 'src/routes/owners/[id]/+page.svelte'],
    installed: true,
  },
  {
    name: 'wild8',
    uses: 167,
    mustNotTouch: 31,
    outside: [],
    outcomes: { converted: 35, reported: 132, outside: 0 },
    sharedLines: [
      { id: 'N6', why: "`page.data.me` is an argument of the converted mutator call: only the callee before it changes" },
      { id: 'N13', why: '`.find((g) => ...)` follows the converted `people.current`: only the receiver before it changes' },
    ],
    unresolved: [],
    installed: true,
    gitignore: 'node_modules\n',
  },
  {
    name: 'wild9',
    uses: 180,
    mustNotTouch: 33,
    outside: [
      {
        match: /^packages\/data\//,
        why: "the legacy layer is a workspace package (`@tiller/data`, packages/data) outside the app the migration runs in (apps/web): its barrels are the package's, kept for compat with the rest of it",
      },
      { match: /^apps\/web\/src\/lib\/club\/context\.svelte\.ts:(2|16) /, why: 'a multi-line import and object literal: each legacy name in them is reported on its own line (3-11, 17-25)' },
      { match: /^apps\/web\/src\/routes\/fleet\/\[id\]\/\+page\.svelte:5 /, why: 'a multi-line import: each legacy name in it is reported on its own line (6-9)' },
      { match: /^apps\/web\/src\/lib\/components\/NextRaceBanner\.svelte:9 /, why: 'a `$derived(new ...)` over several lines: reported on its first line (8)' },
      { match: /^apps\/web\/src\/lib\/club\/csv\.js:(6|12) /, why: 'an untyped parameter of a .js helper: the query is reported where it is passed in (results/[id]/+page.svelte:45)' },
    ],
    outcomes: { converted: 19, reported: 146, outside: 15 },
    // Two dependencies of the app this repository does not install: what they type is unknown, and the report says so.
    unresolved: ['apps/web/src/lib/components/Sparkline.svelte', 'apps/web/svelte.config.js'],
    installed: true,
    workspaces: { '@tiller/data': 'packages/data' },
    app: 'apps/web',
    gitignore: 'node_modules\n',
  },
  {
    name: 'wild10',
    uses: 238,
    mustNotTouch: 64,
    outside: [
      { match: /row\/enum type import|legacy meta type/, why: "plain data types (rows, enums, the legacy classes' QueryMeta) are not legacy uses: they keep compiling and carry no behaviour" },
      { match: /`bind:` into/, why: 'a bind into a row a legacy query handed out: the row is plain data; the query is reported where it is read (RestorationTable.svelte:51, CaseDetailPage.svelte:113)' },
      { match: /^src\/components\/TurnaroundChart\.svelte:49 /, why: "a query factory destructured from the app's context (its type is the app's, a function): the query it builds is reported where it is called (52)" },
      { match: /^src\/pages\/BoardPage\.svelte:38 /, why: "a call through the app's map of actions: the mutators in the map are converted where it is built (30-33)" },
      { match: /^src\/pages\/PracticesPage\.svelte:18 /, why: 'a `$derived(cond ? new ... : ...)` over several lines: reported on its first line (16)' },
      { match: /structural `DebugEntry`|^src\/pages\/DebugPage\.svelte:(36|40) /, why: "a structural type ({ current, destroy }) is not declared by a legacy module; each query is reported where it is built (12-17)" },
    ],
    outcomes: { converted: 16, reported: 199, outside: 23 },
    unresolved: [],
    installed: true,
    gitignore: 'node_modules\n',
    // Not SvelteKit, so no `$lib`: migrating with the default targets refuses (migrate.test.ts); the team says where its models are.
    config: { targets: { reactive: '@/models/{model}.reactive', active: '@/models/{model}.active' } },
  },
];

describe.each(TREES)('migrating legacy code written without reading the transforms: $name', { timeout: 240_000 }, (tree) => {
  const files: Record<string, string> = {
    ...treeFiles(join(FIXTURES, tree.name)),
    ...(tree.gitignore ? { '.gitignore': tree.gitignore } : {}),
    ...(tree.config ? { [join(tree.app ?? '', 'zero-record.config.json')]: JSON.stringify(tree.config) } : {}),
  };
  const inventory = files['INVENTORY.md']!;
  const uses: Entry[] = [...section(inventory, '## Legacy uses', '## Must-not-touch').matchAll(/^(\d+)\. (\S+?):(\d+)\s+(.*)$/gm)].map((m) => ({ id: m[1]!, path: m[2]!, line: Number(m[3]), what: m[4]! }));
  // A site is a line, or a whole file (line 0).
  const mustNotTouch: Entry[] = [...section(inventory, '## Must-not-touch', '## Not counted').matchAll(/^(N\d+)\. (\S+?):(\d+|\(whole file\))\s+(.*)$/gm)].map((m) => ({ id: m[1]!, path: m[2]!, line: Number(m[3]) || 0, what: m[4]! }));
  let root: string;
  let report: JsonReport;
  let changedLines: (path: string) => Set<number>;

  beforeAll(async () => {
    root = makeProject(files);
    if (tree.installed) linkDependencies(root, tree.workspaces);
    const io = captureIO(join(root, tree.app ?? ''));
    const code = await migrate(['--json'], io);
    expect(code, io.err()).toBe(0);
    report = JSON.parse(io.out()) as JsonReport;
    // The report names files from the folder it ran in; the inventory from the tree's root.
    if (tree.app) {
      const inTree = (path: string) => `${tree.app}/${path}`;
      report = {
        ...report,
        files: report.files.map((f) => ({ ...f, path: inTree(f.path) })),
        legacyUses: { ...report.legacyUses, unresolved: report.legacyUses.unresolved.map((f) => ({ ...f, path: inTree(f.path) })) },
      };
    }
    const diff = git(root, 'diff', '-U0', 'HEAD');
    const byFile = new Map<string, Set<number>>();
    let current = '';
    for (const line of diff.split('\n')) {
      const file = /^\+\+\+ b\/(.*)$/.exec(line) ?? /^--- a\/(.*)$/.exec(line);
      if (file) current = file[1]!;
      const hunk = /^@@ -(\d+)(?:,(\d+))? /.exec(line);
      if (hunk) {
        const set = byFile.get(current) ?? new Set<number>();
        for (let i = 0; i < Math.max(Number(hunk[2] ?? 1), 1); i++) set.add(Number(hunk[1]) + i);
        byFile.set(current, set);
      }
    }
    changedLines = (path) => byFile.get(path) ?? new Set();
  }, 240_000);

  it('reads the inventory', () => {
    expect(uses).toHaveLength(tree.uses);
    expect(mustNotTouch).toHaveLength(tree.mustNotTouch);
  });

  it('accounts for every legacy use it finds, by type', () => {
    expect(report.legacyUses.recognition).toBe('type-directed');
    expect(report.legacyUses.unaccounted).toBe(0);
    expect(report.legacyUses.converted + report.legacyUses.reported).toBe(report.legacyUses.total);
    expect(report.summary.error).toBe(0);
    expect(report.legacyUses.unresolved.map((f) => f.path)).toEqual(tree.unresolved);
  });

  it('changes no must-not-touch line, and every file it writes still compiles', () => {
    // A site sharing its line with a converted use (named in the tree's `sharedLines`, each checked by hand) is untouched
    // when its code stands verbatim on the line, and the new file keeps that line unchanged from the code to one of the
    // line's ends: the conversion edited only the other side of it.
    const intact = (site: Entry) => {
      const code = /`([^`]+)`/.exec(site.what)?.[1];
      const line = (files[site.path] ?? '').split('\n')[site.line - 1] ?? '';
      const at = code === undefined ? -1 : line.indexOf(code);
      if (at < 0 || !tree.sharedLines?.some((shared) => shared.id === site.id)) return false;
      const head = line.slice(0, at + code!.length).trimStart();
      const tail = line.slice(at);
      return readFileSync(join(root, site.path), 'utf8').split('\n').some((after) => after.endsWith(tail) || after.trimStart().startsWith(head));
    };
    const touched = (site: Entry) => (site.line ? changedLines(site.path).has(site.line) && !intact(site) : changedLines(site.path).size > 0);
    expect(mustNotTouch.filter(touched).map((s) => `${s.id} ${s.path}:${s.line}`)).toEqual([]);
    for (const file of report.files.filter((f) => f.status !== 'unchanged')) {
      const after = readFileSync(join(root, file.path), 'utf8');
      if (after !== files[file.path]) expect(verifyOutput(file.path, after), file.path).toBeNull();
    }
  });

  it('leaves no inventory use silently: converted, reported, or outside the definition for a stated reason', () => {
    const outcome = (u: Entry) => {
      if (report.files.find((f) => f.path === u.path)?.diagnostics.some((d) => d.line === u.line)) return 'reported';
      if (changedLines(u.path).has(u.line)) return 'converted';
      return [...NEVER_COUNTED, ...tree.outside].some((o) => o.match.test(`${u.path}:${u.line} ${u.what}`)) ? 'outside' : 'missed';
    };
    const outcomes = uses.map((u) => ({ u, outcome: outcome(u) }));
    expect(outcomes.filter((o) => o.outcome === 'missed').map((o) => `${o.u.id}. ${o.u.path}:${o.u.line} ${o.u.what}`)).toEqual([]);
    const count = (kind: string) => outcomes.filter((o) => o.outcome === kind).length;
    expect({ converted: count('converted'), reported: count('reported'), outside: count('outside') }).toEqual(tree.outcomes);
  });
});
