/**
 * Plain node: the reactive module as a server renders it (svelte's server build, where subscribers never start).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { compile } from 'svelte/compiler';
import { render } from 'svelte/server';
import { zeroViewCounts } from '../support/zero-views.ts';
import { ReactiveJob, setZero, useZero } from './models.ts';

const ctx = useZero();
const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'zr-ssr-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Compiles one of the test components for the server with the real svelte/compiler. */
async function serverComponent(name: string) {
  const source = readFileSync(join(here, 'components', `${name}.svelte`), 'utf8');
  const { js } = compile(source, { generate: 'server', filename: `${name}.svelte` });
  const code = js.code.replace(/from ['"]\.\.\/models\.ts['"]/g, `from ${JSON.stringify(pathToFileURL(join(here, 'models.ts')).href)}`);
  const file = join(out, `${name}.js`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)).default;
}

describe('server-side reads', () => {
  test('reading a handle or collection returns the local data and starts no view', async () => {
    const job = ReactiveJob.find('j1');
    const jobs = ReactiveJob.active().order('created_at');
    expect(job.title).toBe('Fix the boiler');
    expect(job.$status).toBe('ready');
    expect(jobs.map((j) => j.id)).toEqual(['j1', 'j2', 'j4']);
    const counts = await zeroViewCounts(ctx.z);
    expect(counts).toMatchObject({ views: 0, totalConnections: 0 });
  });

  test('server rendering a component shows the local data and leaves no view', async () => {
    const JobTitle = await serverComponent('JobTitle');
    const ActiveJobs = await serverComponent('ActiveJobs');
    expect(render(JobTitle, { props: { id: 'j2' } }).body).toContain('<h1>Paint the fence</h1>');
    const list = render(ActiveJobs, { props: {} }).body;
    expect(list).toContain('3 active');
    expect(list).toContain('Mow the lawn for Acme');
    const counts = await zeroViewCounts(ctx.z);
    expect(counts).toMatchObject({ views: 0, totalConnections: 0 });
  });

  test('without a Zero client (a server has none) a handle renders its loading state', async () => {
    setZero(undefined);
    const JobTitle = await serverComponent('JobTitle');
    expect(render(JobTitle, { props: { id: 'j1' } }).body).toContain('Loading…');
  });
});
