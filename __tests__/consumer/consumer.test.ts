/**
 * The packages as an app gets them: `npm pack` both workspaces, install the tarballs into a SvelteKit 2 + Svelte 5 app
 * (app/, copied to a temp dir; its lockfile pins every registry package), generate its models with the installed CLI,
 * then check, build, serve (adapter-node and vite dev), drive it in Chromium, import it from plain Node and lint with
 * the installed ESLint plugin. Nothing here points at this repository's sources.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/support/chromium.ts';
import { freePortRange } from '../../scripts/stack/ports.ts';
import { run, runOk, startServer, type Server } from './support/processes.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./app/', import.meta.url));
const PACKAGES = { 'zero-record': 'packages/zero-record', 'zero-record-cli': 'packages/cli' } as const;

interface PackResult {
  name: string;
  filename: string;
  files: { path: string }[];
}

const work = mkdtempSync(join(tmpdir(), 'zero-record-consumer-'));
const app = join(work, 'app');
const packs = join(work, 'packs');
let packed: PackResult[] = [];
const servers: Server[] = [];
let browser: Browser | undefined;

const npx = (args: string[], timeoutMs = 120_000) => runOk('npx', ['--no-install', ...args], { cwd: app, timeoutMs });

beforeAll(async () => {
  // prepack builds each package (tsc for the library, esbuild for the CLI) before it is packed.
  mkdirSync(packs);
  const workspaces = Object.values(PACKAGES).flatMap((dir) => ['--workspace', dir]);
  const pack = await runOk('npm', ['pack', ...workspaces, '--pack-destination', packs, '--json'], { cwd: REPO, timeoutMs: 240_000 });
  packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as PackResult[];
  // The fixture's package.json names the tarballs without a version, so a version bump does not touch the fixture.
  for (const p of packed) renameSync(join(packs, p.filename), join(packs, `${p.name}.tgz`));

  cpSync(FIXTURE, app, { recursive: true, filter: (src) => !/[/\\](node_modules|\.svelte-kit|build|src[/\\]lib[/\\]models)$/.test(src) });
  // The lockfile pins every registry package; our two tarballs change with every build, so their hashes are dropped.
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { integrity?: string }> };
  for (const name of Object.keys(PACKAGES)) delete lock.packages[`node_modules/${name}`]!.integrity;
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lock, null, 2));
  await runOk('npm', ['ci', '--no-audit', '--no-fund'], { cwd: app, timeoutMs: 420_000 });
}, 720_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarballs', () => {
  it('hold build output, README, LICENSE and the manifest only: no tests, fixtures, examples, bench output or sources', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(Object.keys(PACKAGES).sort());
    for (const p of packed) {
      const paths = p.files.map((f) => f.path);
      expect(paths, p.name).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
      const unexpected = paths.filter((path) => !/^(package\.json|README\.md|LICENSE|dist\/.+\.(m?js|d\.ts))$/.test(path));
      expect(unexpected, `${p.name} ships files that are not build output`).toEqual([]);
      const testish = paths.filter((path) => /(__tests__|__testfixtures__|fixtures?|examples?|bench|\.test\.|\.spec\.|\.ci\/)/.test(path));
      expect(testish, `${p.name} ships tests, fixtures, examples or bench output`).toEqual([]);
    }
  });
});

describe('a SvelteKit app on the installed packages', () => {
  it('the CLI answers --help and help <command>', async () => {
    expect((await npx(['zero-record', '--help'])).stdout).toMatch(/Commands:\n {2}generate .*\n {2}migrate .*\n {2}rollback /);
    expect((await npx(['zero-record', 'help', 'generate'])).stdout).toMatch(/^Usage: zero-record generate/);
  });

  it('generates the models from the Rails description with the installed CLI', async () => {
    const { stdout } = await npx(['zero-record', 'generate', '--from', 'rails', '--out', 'src/lib/models']);
    expect(stdout).toContain('Job (jobs): ActiveJob, ReactiveJob');
    expect(readFileSync(join(app, 'src/lib/models/job.active.ts'), 'utf8')).toContain('from "./job.config";');
  });

  it('svelte-check reports 0 errors and 0 warnings (strict, noUncheckedIndexedAccess)', async () => {
    await npx(['svelte-kit', 'sync']);
    const result = await run('npx', ['--no-install', 'svelte-check', '--tsconfig', './tsconfig.json', '--output', 'machine'], { cwd: app, timeoutMs: 180_000 });
    expect(result.stdout).toMatch(/COMPLETED \d+ FILES 0 ERRORS 0 WARNINGS/);
    expect(result.code, result.stdout).toBe(0);
  });

  it('vite build succeeds and adapter-node serves server-rendered rows', async () => {
    await npx(['vite', 'build'], 240_000);
    const port = await freePortRange(1);
    const server = await startServer(process.execPath, ['build'], { cwd: app, url: `http://127.0.0.1:${port}/`, timeoutMs: 30_000, env: { PORT: String(port), HOST: '127.0.0.1' } });
    servers.push(server);
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('<li>Fix the roof (active)</li><li>Paint the fence (done)</li>');
    expect(html).toContain('1 open: Fix the roof');
  });

  it('in Chromium the page hydrates and a write shows up in the reactive list without a reload', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(servers[0]!.url);
    await page.locator('h1[data-hydrated="true"]').waitFor({ timeout: 20_000 });
    // A marker on window survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.getByRole('button', { name: 'Add a job' }).click();
    await page.locator('#jobs li', { hasText: 'New job 1 (active)' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('#jobs li').allTextContents()).toEqual(['Fix the roof (active)', 'New job 1 (active)', 'Paint the fence (done)']);
    expect(await page.locator('#open').textContent()).toMatch(/^2 open/);
    expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('vite dev serves server-rendered rows', async () => {
    const port = await freePortRange(1);
    const server = await startServer('npx', ['--no-install', 'vite', 'dev', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: app, url: `http://127.0.0.1:${port}/`, timeoutMs: 120_000 });
    servers.push(server);
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('<li>Fix the roof (active)</li><li>Paint the fence (done)</li>');
    expect(server.output()).not.toMatch(/error/i);
  });

  it('plain Node imports zero-record and zero-record/eslint-plugin', async () => {
    const script = "const m = await import('zero-record'); const p = await import('zero-record/eslint-plugin'); console.log(typeof m.ActiveRecord.createModel, Object.keys(p.default.rules).join());";
    const { stdout } = await runOk(process.execPath, ['--input-type=module', '-e', script], { cwd: app, timeoutMs: 30_000 });
    expect(stdout.trim()).toBe('function no-reactive-outside-svelte');
  });

  it("eslint.config.js with the plugin's recommended config lints .svelte and .ts files", async () => {
    writeFileSync(join(app, 'src/lib/misuse.ts'), "import { ReactiveJob } from '$lib/models/job.reactive';\nexport const all = ReactiveJob.all();\n");
    try {
      const result = await run('npx', ['--no-install', 'eslint', '--format', 'json', 'src/routes/+page.svelte', 'src/lib/open-jobs.ts', 'src/lib/misuse.ts'], { cwd: app, timeoutMs: 60_000 });
      const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
      const byFile = Object.fromEntries(reports.map((r) => [r.filePath.slice(app.length + 1), r.messages.map((m) => m.ruleId ?? m.message)]));
      expect(byFile).toEqual({
        'src/routes/+page.svelte': [],
        'src/lib/open-jobs.ts': [],
        'src/lib/misuse.ts': ['zero-record/no-reactive-outside-svelte'],
      });
    } finally {
      rmSync(join(app, 'src/lib/misuse.ts'));
    }
  });
});
