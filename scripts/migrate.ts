/**
 * `zero-record migrate [paths...]`: scan -> plan -> render -> apply -> verify.
 * Plans every file first (nothing is written while planning), prints diffs or a JSON report, then (unless --dry)
 * saves the rollback manifest BEFORE the first write and writes each file atomically.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCommandArgs } from './cli/args.ts';
import { writeFileAtomic } from './cli/atomic-write.ts';
import { loadConfig } from './cli/config-file.ts';
import { CliError, DirtyTreeError, UnresolvedTargetsError, UsageError } from './cli/errors.ts';
import { isGitWorkTree, uncommittedChanges } from './cli/git.ts';
import { sha256 } from './cli/hash.ts';
import { processIO, type CommandIO } from './cli/io.ts';
import { newManifestId, saveManifest, type Manifest } from './cli/manifest.ts';
import { createProgress } from './cli/progress.ts';
import { EXAMPLE_APP, projectRoot } from './cli/project-root.ts';
import { jsonReport, summarize, summaryText, unifiedDiff } from './cli/report.ts';
import { scanFiles } from './cli/scan.ts';
import { forcedRunes, kitAliasPaths, loadSvelteConfig } from './cli/svelte-config.ts';
import { libAliasProblem, missingTargets, missingTargetsNote } from './cli/targets.ts';
import { onInterrupt } from './cli/interrupt.ts';
import { planAroundTypes } from './cli/plan-around-types.ts';
import { planningThreads, PlanningWorkers, tick } from './cli/plan-files.ts';
import { readUtf8 } from './cli/read-text.ts';
import { completeness, recogniseApp } from './cli/typed-pass.ts';

const HELP = `Usage: zero-record migrate [paths...] [options]

Rewrites code written against the legacy ReactiveQuery / ReactiveQueryOne classes and the generated
model objects ($lib/zero/<table>.generated) to zero-record models: Reactive<Model> from
$lib/models/<model>.reactive in .svelte / .svelte.ts, Active<Model> from $lib/models/<model>.active
in plain .ts / .js. What cannot be converted with certainty is left as it is and reported.

Legacy code is recognised by type: a TypeScript program of the app (its tsconfig, \$lib aliases, .svelte
files through svelte2tsx) finds every value typed by the legacy modules, however it got there (contexts,
barrels, props, stores). After planning, the same query over the planned output lists every legacy use
left behind, so the summary reads \`N legacy uses: X converted, Y reported, 0 unaccounted\`.

Paths (files or directories, default: the whole project) must lie inside the project root.

Options:
  --dry            print unified diffs and the summary; write nothing
  --json           print the JSON report on stdout instead of diffs (combine with --dry to write nothing)
  --force          run even if the git tree has uncommitted changes under the paths
  --only <glob>    only files whose root-relative path matches (repeatable), e.g. 'src/routes/**'
  --model <Class>  only migrate this model, e.g. --model Job
  --root <dir>     project root (default: with paths, the nearest folder above them with a package.json
                   or tsconfig; else the current directory, or inside the zero-record repository: ${EXAMPLE_APP})
  --config <file>  config file (default: <root>/zero-record.config.json when it exists)
  --syntactic      recognise legacy code by import specifiers only: no TypeScript program, no count of
                   legacy uses (faster; misses code that gets the legacy objects from contexts or barrels)
  --no-verify-types
                   skip the type check of the output. By default each changed file's type errors are compared
                   before and after (in the same program, where the app's own source, svelte, SvelteKit,
                   zero-record and Zero are typed), and a file that would gain one is left as it is and reported
  -h, --help       show this help

Writes .zero-record/migrations/<id>.json first; undo with \`zero-record rollback\`.
`;

const OPTIONS = {
  dry: { type: 'boolean' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  only: { type: 'string', multiple: true },
  model: { type: 'string' },
  root: { type: 'string' },
  config: { type: 'string' },
  syntactic: { type: 'boolean' },
  // The default; still accepted, as earlier versions needed it.
  'verify-types': { type: 'boolean' },
  'no-verify-types': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Test hook: pause between file writes so a test can interrupt a run half-way. */
function writeDelay(): number {
  const value = Number(process.env['ZERO_RECORD_TEST_WRITE_DELAY_MS'] ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('migrate', argv, OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values['verify-types'] && values['no-verify-types']) throw new UsageError('--verify-types and --no-verify-types contradict each other (checking is the default)', 'migrate');
  if (values.model !== undefined && !/^[A-Z][A-Za-z0-9]*$/.test(values.model)) throw new UsageError(`--model takes a class name such as Job, got ${JSON.stringify(values.model)}`, 'migrate');
  const root = projectRoot(io.cwd, values.root, positionals);
  const config = loadConfig(root, io.cwd, values.config);
  const dry = values.dry === true;
  const progress = createProgress(io, values.json === true);
  const paths = positionals.map((p) => resolve(io.cwd, p));

  const files = scanFiles(root, paths, values.only ?? []);
  if (!dry) {
    if (isGitWorkTree(root)) {
      const dirty = uncommittedChanges(root, paths.map((p) => relative(root, p) || '.'));
      if (dirty.length && !values.force) throw new DirtyTreeError(root, dirty);
    } else progress.phase(`${root} is not a git work tree: no uncommitted-changes check; the rollback manifest is the undo`);
  }
  // Listen before announcing the planning: a Ctrl-C that follows the announcement must find the handler in place.
  const stopListening = onInterrupt();
  const threads = planningThreads(files.length);
  progress.phase(`planning ${files.length} files under ${root}${threads ? ` on ${threads} threads` : ''}`);

  const started = performance.now();
  // Started now, the workers load the codemods and then plan while this thread builds the TypeScript program.
  const workers = threads ? new PlanningWorkers(root, threads) : undefined;
  try {
    if (!values.syntactic) progress.phase(`building a TypeScript program of ${files.length} files`);
    const svelteConfig = await loadSvelteConfig(root);
    const { first, plans: planned } = await planAroundTypes(
      {
        root,
        files,
        options: { config, model: values.model ?? null, runes: forcedRunes(svelteConfig, root, files) },
        threads,
        workers,
        onFile: (done, total, file) => progress.step(done, total, file),
        interrupted: () => stopListening.interrupted,
      },
      () => {
        const pass = recogniseApp(root, files, config, kitAliasPaths(svelteConfig, root), values.syntactic === true);
        if (values['verify-types'] && !pass.recognition) throw new UsageError(`--verify-types needs the TypeScript program, and none was built: ${pass.note}`, 'migrate');
        return pass;
      },
      (text) => progress.phase(text),
    );
    // The workers are done: their memory goes before the pass over the planned output.
    await workers?.close();
    if (!planned) {
      progress.stop();
      io.stderr('zero-record: interrupted while planning; nothing was written\n');
      return 130;
    }
    progress.phase('checking the planned output for legacy uses left behind');
    const { plans, counts } = completeness(root, files, config, planned, first, values['no-verify-types'] !== true);
    const summary = summarize(plans);
    progress.succeed(`planned ${files.length} files in ${((performance.now() - started) / 1000).toFixed(2)}s: ${summary.written} to write`);
    const toWrite = plans.filter((p) => p.after !== p.before);
    const targetsProblem = libAliasProblem(root, plans, config, svelteConfig);
    // Where `$lib` is not defined, src/lib/models is not where the models go: the problem's note says what to do instead.
    const missing = targetsProblem ? [] : missingTargets(root, plans);

    if (dry) {
      if (values.json) io.stdout(`${JSON.stringify(jsonReport(root, true, plans, null, missing, targetsProblem, counts), null, 2)}\n`);
      else {
        for (const plan of toWrite) io.stdout(`${unifiedDiff(plan)}\n`);
        io.stdout(summaryText(plans, summary, counts));
        io.stdout(missingTargetsNote(missing));
        if (targetsProblem) io.stdout(`Note: ${targetsProblem} Without it, applying refuses.\n`);
        io.stdout(`Dry run: nothing was written. Run without --dry to apply (a rollback manifest is saved first).\n`);
      }
      return summary.error ? 1 : 0;
    }

    if (targetsProblem) throw new UnresolvedTargetsError(targetsProblem);
    let manifestFile: string | null = null;
    if (toWrite.length) {
      let manifest: Manifest = {
        version: 1,
        id: newManifestId(root),
        createdAt: new Date().toISOString(),
        command: ['zero-record', 'migrate', ...argv].join(' '),
        state: 'writing',
        rolledBackAt: null,
        files: toWrite.map((p) => ({ path: p.path, sha256Before: sha256(p.before), sha256After: sha256(p.after), before: p.before })),
      };
      manifestFile = saveManifest(root, manifest);
      const delay = writeDelay();
      for (const [i, plan] of toWrite.entries()) {
        if (stopListening.interrupted) {
          progress.stop();
          io.stderr(`zero-record: interrupted after writing ${i} of ${toWrite.length} files; \`zero-record rollback --root ${root}\` restores them (manifest ${relative(root, manifestFile)})\n`);
          return 130;
        }
        progress.step(i + 1, toWrite.length, `writing ${plan.path}`);
        const abs = join(root, plan.path);
        if (readUtf8(abs) !== plan.before) throw new CliError(`${plan.path} changed while the migration was planning; ${i} files were written: run \`zero-record rollback\`, then migrate again`);
        writeFileAtomic(abs, plan.after);
        if (delay) await new Promise((done) => setTimeout(done, delay));
        else await tick();
      }
      manifest = { ...manifest, state: 'complete' };
      saveManifest(root, manifest);
      const wrong = toWrite.filter((p) => sha256(readFileSync(join(root, p.path), 'utf8')) !== sha256(p.after));
      if (wrong.length) throw new CliError(`after writing, these files do not hold the planned content: ${wrong.map((p) => p.path).join(', ')}; run \`zero-record rollback\``);
    }
    if (values.json) io.stdout(`${JSON.stringify(jsonReport(root, false, plans, manifestFile && relative(root, manifestFile), missing, null, counts), null, 2)}\n`);
    else {
      io.stdout(summaryText(plans, summary, counts));
      io.stdout(missingTargetsNote(missing));
      io.stdout(manifestFile ? `Wrote ${toWrite.length} files. Undo with \`zero-record rollback\` (manifest ${relative(root, manifestFile)}).\n` : 'Nothing to write.\n');
    }
    return summary.error ? 1 : 0;
  } finally {
    stopListening();
    await workers?.close();
  }
}

export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr(`zero-record migrate: ${error.message}\n`);
    return error.exitCode;
  }
}
