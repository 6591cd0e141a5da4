/**
 * `npm run test:stress`: proof that the suite cannot fail by chance. Runs `npm test` and the integration tier several
 * times in a row while one busy process per core loads the machine, and names every test that failed in any run.
 *
 *   npm run test:stress                          # 10 x npm test, 3 x integration, load = one busy loop per core
 *   npm run test:stress -- --unit 2 --integration 0 --load 4
 *
 * Exit code 0 only when every run passed. The summary is also written to test-results/stress.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface Tier {
  readonly name: string;
  readonly script: string;
  readonly runs: number;
}

interface RunResult {
  readonly tier: string;
  readonly run: number;
  readonly exitCode: number | null;
  readonly seconds: number;
  readonly passed: number;
  readonly failed: readonly string[];
}

/** The subset of vitest's JSON reporter output read here. */
interface VitestJson {
  numPassedTests: number;
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
}

const { values } = parseArgs({
  options: {
    unit: { type: 'string', default: '10' },
    integration: { type: 'string', default: '3' },
    load: { type: 'string', default: String(availableParallelism()) },
  },
});

function count(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, got ${JSON.stringify(text)}`);
  return value;
}

const tiers: Tier[] = [
  { name: 'npm test', script: 'test', runs: count('unit', values.unit) },
  { name: 'integration', script: 'test:integration', runs: count('integration', values.integration) },
];
const outDir = join(process.cwd(), 'test-results', 'stress');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** One busy loop per requested core, in their own processes so they compete with the tests' workers. */
function startLoad(processes: number): ChildProcess[] {
  return Array.from({ length: processes }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function runTier(tier: Tier, run: number): Promise<RunResult> {
  const report = join(outDir, `${tier.script.replace(/\W/g, '-')}-${run}.json`);
  const log = join(outDir, `${tier.script.replace(/\W/g, '-')}-${run}.log`);
  const started = Date.now();
  const args = ['run', tier.script, '--', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`];
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('close', (exitCode) => {
      writeFileSync(log, output);
      const seconds = (Date.now() - started) / 1000;
      let json: VitestJson | undefined;
      try {
        json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
      } catch {
        // no report: the runner itself failed; the exit code and the log say why
      }
      const failed = (json?.testResults ?? []).flatMap((file) => {
        const tests = file.assertionResults.filter((t) => t.status === 'failed').map((t) => `${file.name.replace(`${process.cwd()}/`, '')} > ${t.fullName}`);
        // A file that failed to load or errored outside any test has no failed assertion: name the file.
        return tests.length || !file.message ? tests : [`${file.name.replace(`${process.cwd()}/`, '')}: ${file.message.split('\n')[0]}`];
      });
      if (exitCode !== 0 && failed.length === 0) failed.push(`exit code ${exitCode} with no failing test named (log: ${log})`);
      resolve({ tier: tier.name, run, exitCode, seconds, passed: json?.numPassedTests ?? 0, failed });
    });
  });
}

const load = startLoad(count('load', values.load));
const stopLoad = () => load.forEach((p) => p.kill('SIGKILL'));
process.on('exit', stopLoad);
process.on('SIGINT', () => process.exit(130));

const results: RunResult[] = [];
for (const tier of tiers) {
  for (let run = 1; run <= tier.runs; run++) {
    const result = await runTier(tier, run);
    results.push(result);
    const verdict = result.failed.length ? `FAILED: ${result.failed.join('; ')}` : 'ok';
    process.stdout.write(`${tier.name} run ${run}/${tier.runs}: ${result.passed} passed in ${result.seconds.toFixed(0)} s, ${verdict}\n`);
  }
}
stopLoad();

const failures = results.filter((r) => r.failed.length > 0);
const byName = new Map<string, number>();
for (const name of failures.flatMap((r) => r.failed)) byName.set(name, (byName.get(name) ?? 0) + 1);
writeFileSync(join(outDir, '..', 'stress.json'), JSON.stringify({ load: load.length, results }, null, 2));
process.stdout.write(`\nunder load (${load.length} busy processes): ${results.length - failures.length} of ${results.length} runs passed\n`);
for (const [name, times] of byName) process.stdout.write(`  ${times}x ${name}\n`);
process.exitCode = failures.length ? 1 : 0;
