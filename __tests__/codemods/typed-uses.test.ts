/**
 * What the type query counts as a legacy use where a value enters a file or is given a type: an object of the app's
 * holding legacy values where a call hands it out (`getZeroContext()`, the layout's `createZeroContext(...)`) unless it
 * is destructured there, an import of a value whose type is legacy wherever it is declared (a query made at module
 * scope), and a type naming a legacy one, written in TypeScript or in JSDoc.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LegacyUse, Recognition } from '../../codemods/typed/recognise.ts';
import { recogniseApp, writeLegacyApp } from './legacy-app.ts';

const LEGACY_LAYER = join(import.meta.dirname, '../../__testfixtures__/typed-app/src/lib/zero');

const APP: Record<string, string> = {
  'src/lib/context.svelte.ts': `import { getContext, setContext } from 'svelte';
import { Job, updateJob } from '$lib/zero';

export interface Models {
  Job: typeof Job;
  updateJob: typeof updateJob;
  userId: string;
}

export function createContext(userId: string): Models {
  return { Job, updateJob, userId };
}

export function setModels(models: Models): Models {
  return setContext('models', models);
}

export function getModels(): Models {
  return getContext<Models>('models');
}
`,
  'src/lib/queries/team.svelte.ts': `import { ReactiveQuery } from '$lib/zero';
import type { Job } from '$lib/zero';

const team = new ReactiveQuery<Job>(() => null, [], '1d');
export default team;
export const registry = { team, label: 'Team' };
export const label = 'Team';
`,
  'src/routes/+layout.svelte': `<script lang="ts">
  import { createContext, setModels } from '$lib/context.svelte';
  setModels(createContext('u-1'));
</script>
`,
  'src/lib/Whole.svelte': `<script lang="ts">
  import { getModels } from '$lib/context.svelte';
  const models = getModels();
  const { userId } = getModels();
  const { Job } = $derived(getModels());
</script>

<p>{userId} {models.Job.all().current.length} {Job.find('a').current?.title}</p>
`,
  'src/lib/Team.svelte': `<script lang="ts">
  import team, { registry, label } from '$lib/queries/team.svelte';
  import Card from '$lib/Card.svelte';
</script>

<p>{label}: {team.current.length} {registry.team.isLoading}</p>
<Card query={team} />
`,
  'src/lib/Card.svelte': `<script lang="ts">
  import type { ReactiveQuery } from '$lib/zero';
  import type { Job } from '$lib/zero';
  let { query }: { query: ReactiveQuery<Job> } = $props();
</script>

<p>{query.current.length}</p>
`,
  'src/lib/Progressive.svelte': `<script lang="ts">
  import { getModels } from '$lib/context.svelte';
  let { jobId }: { jobId: string } = $props();
  const models = getModels();
  const { job } = $derived(models.Job.findProgressive(jobId));
</script>

<p>{job.current?.title}</p>
`,
  'src/lib/stats.js': `// @ts-check
import { ReactiveQuery } from '$lib/zero/reactive-query.svelte';

/** @typedef {{ open: ReactiveQuery<{ id: string }> }} OpenJobs */

/**
 * @param {ReactiveQuery<{ id: string }>} query
 * @returns {number}
 */
export function count(query) {
  return query.current.length;
}

/** @param {string} id */
export function make(id) {
  /** @type {ReactiveQuery<import('$lib/zero').Job>} */
  const one = new ReactiveQuery(() => id, [], '5m');
  return one;
}
`,
  'src/lib/stats.ts': `export function count(query: import('$lib/zero/reactive-query.svelte').ReactiveQuery<{ id: string }>): number {
  return query.current.length;
}
`,
};

let root: string;
let recognition: Recognition;

beforeAll(() => {
  root = writeLegacyApp('zr-uses-', LEGACY_LAYER, APP);
  recognition = recogniseApp(root);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `line: text` of each use in `rel`. */
function uses(rel: string): string[] {
  const text = readFileSync(join(root, rel), 'utf8');
  return recognition.uses.get(rel)!.map((u) => `${text.slice(0, u.start).split('\n').length}: ${u.text}`);
}

function use(rel: string, text: string): LegacyUse {
  const found = recognition.uses.get(rel)!.find((u) => u.text === text);
  if (!found) throw new Error(`no use \`${text}\` in ${rel}: ${uses(rel).join(' | ')}`);
  return found;
}

describe('legacy uses where a value enters a file', { timeout: 120_000 }, () => {
  it('counts the context object where the layout makes it, naming its legacy members', () => {
    expect(uses('src/routes/+layout.svelte')).toEqual(["3: setModels(createContext('u-1'))"]);
    expect(use('src/routes/+layout.svelte', "setModels(createContext('u-1'))").what).toMatch(/^container of Job from src\/lib\/zero\/models\/job\.custom\.ts \(its Job, updateJob\)$/);
  });

  it('counts a context kept whole where it is acquired, and one destructured by the names taken out', () => {
    expect(uses('src/lib/Whole.svelte')).toEqual(['3: getModels()', '5: Job', "8: models.Job.all()", "8: Job.find('a')"]);
  });

  it('counts an import of a value whose type is legacy, wherever it is declared; not a component taking one', () => {
    expect(uses('src/lib/Team.svelte')).toEqual(['2: team', '2: registry', '6: team', '6: registry.team', '7: team']);
    expect(use('src/lib/Team.svelte', 'team').what).toBe('ReactiveQuery from src/lib/zero/reactive-query.svelte.ts');
    expect(use('src/lib/Team.svelte', 'registry').what).toMatch(/\(its team\)$/);
  });

  it('names the custom method a record of handles comes from', () => {
    expect(use('src/lib/Progressive.svelte', '$derived(models.Job.findProgressive(jobId))').what).toBe('findProgressive() result from src/lib/zero/models/job.custom.ts');
  });
});

describe('types naming a legacy type, in TypeScript and in JSDoc alike', { timeout: 120_000 }, () => {
  it('counts JSDoc @typedef, @param and @type types as annotations', () => {
    expect(uses('src/lib/stats.js')).toEqual([
      '2: ReactiveQuery',
      '4: ReactiveQuery<{ id: string }>',
      '7: ReactiveQuery<{ id: string }>',
      '11: query',
      "16: ReactiveQuery<import('$lib/zero').Job>",
      "17: new ReactiveQuery(() => id, [], '5m')",
      '18: one',
    ]);
    expect(recognition.uses.get('src/lib/stats.js')!.filter((u) => u.annotation).map((u) => u.text)).toEqual(['ReactiveQuery<{ id: string }>', 'ReactiveQuery<{ id: string }>', "ReactiveQuery<import('$lib/zero').Job>"]);
  });

  it('counts an import() type', () => {
    expect(uses('src/lib/stats.ts')).toEqual(["1: import('$lib/zero/reactive-query.svelte').ReactiveQuery<{...", '2: query']);
  });
});
