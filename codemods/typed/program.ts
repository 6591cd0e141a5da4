/**
 * A TypeScript program of the app being migrated, built the way its own tooling sees it: its tsconfig (or
 * SvelteKit's generated `.svelte-kit/tsconfig.json` through `extends`), path aliases such as `$lib`, and every
 * `.svelte` file through svelte2tsx. It needs no node_modules of the app: only the app's own source, svelte (runes,
 * stores; from the app or else from this toolkit), and SvelteKit, this toolkit's runtime and Zero where the app has them
 * installed are typed, every other library degrades to `any`. The legacy classes and models are the app's own source,
 * so their types always resolve.
 */
import { existsSync, realpathSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompilerOptions, Program, SourceFile, StringLiteralLike } from 'typescript';
import type { TypeScript } from '../typescript.ts';
import { svelteToTsx, type SvelteTsx } from './svelte-tsx.ts';

/** A project file in the program: its absolute name there, and the component map for a `.svelte` file. */
export interface ProgramFile {
  readonly rel: string;
  readonly fileName: string;
  /** Null for scripts; for a component, the svelte2tsx output and its map (null when svelte2tsx rejected it). */
  readonly tsx: SvelteTsx | null;
  /** The component's own text the tsx was made from (null for scripts): the next program reuses it when unchanged. */
  readonly component: string | null;
  /** Why the file is not in the program (svelte2tsx failed), else null. */
  readonly problem: string | null;
}

export interface AppProgram {
  readonly ts: TypeScript;
  readonly program: Program;
  readonly root: string;
  readonly files: ReadonlyMap<string, ProgramFile>;
  /** Which tsconfig the program was built from, for the report. */
  readonly configNote: string;
  /** Absolute file -> the project files it imports (resolved), for the legacy-module closure. */
  readonly imports: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Absolute file -> the relative or path-alias imports of it that resolve to nothing (SvelteKit's `./$types` before
   * `svelte-kit sync`): what they would type is `any`, so legacy values passing through them cannot be followed.
   */
  readonly unresolved: ReadonlyMap<string, readonly string[]>;
}

const require = createRequire(import.meta.url);
/** Bare imports the app cannot resolve are resolved as if from here (the toolkit's own node_modules). */
const TOOLKIT_ANCHOR = fileURLToPath(import.meta.url);

function svelteTypes(): string[] {
  const svelteDir = dirname(require.resolve('svelte/package.json'));
  const shims = dirname(require.resolve('svelte2tsx/package.json'));
  return [join(svelteDir, 'types/index.d.ts'), join(shims, 'svelte-shims-v4.d.ts'), join(shims, 'svelte-jsx-v4.d.ts')];
}

/**
 * The libraries typed from their declarations: svelte (runes, stores); SvelteKit, whose `Load` types carry what a
 * `load` returns into the page's `data` (a route's `./$types` is built on them); and what the migrated code's types
 * come from, this toolkit's runtime and Zero (a generated model's rows are its Zero schema's), so that
 * `--verify-types` compares the migrated code against the types the app's own check will see. Every other library
 * degrades to `any`.
 */
function typedLibrary(name: string): boolean {
  return isSvelte(name) || isKit(name) || isPackage(name, 'zero-record') || isPackage(name, '@rocicorp/zero');
}

function isSvelte(name: string): boolean {
  return isPackage(name, 'svelte');
}

function isPackage(name: string, pkg: string): boolean {
  return name === pkg || name.startsWith(`${pkg}/`);
}

function isKit(name: string): boolean {
  return isPackage(name, '@sveltejs/kit');
}

/** Imports of what is not code (`./app.css`, `./logo.svg`, `./notes.md`) or asks Vite for something else (`./worker.ts?worker`). */
const NOT_CODE = /\.(css|scss|sass|less|styl|pcss|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|mp3|mp4|webm|txt|md|wasm)$|\?/;
/** A route's generated `./$types` declarations, in `.svelte-kit/types`. */
const ROUTE_TYPES = /\$types\.d\.ts$/;

const realPaths = new Map<string, string>();

/**
 * Whether `file` is a dependency's (under node_modules), not the app's own source. A workspace package linked into
 * node_modules is source: read at its real path (as TypeScript does unless `preserveSymlinks`), it lies outside them.
 */
export function isDependency(file: string): boolean {
  if (!file.split(sep).includes('node_modules')) return false;
  let real = realPaths.get(file);
  if (real === undefined) {
    try {
      real = realpathSync(file);
    } catch {
      real = file;
    }
    realPaths.set(file, real);
  }
  return real.split(sep).includes('node_modules');
}

/** Whether a tsconfig `paths` pattern (`$lib`, `$lib/*`) matches the import `name`. */
function matchesAlias(pattern: string, name: string): boolean {
  const star = pattern.indexOf('*');
  return star === -1 ? name === pattern : name.startsWith(pattern.slice(0, star));
}

/** The app's compiler options, and which file they came from. */
function appOptions(ts: TypeScript, root: string, kitAliases: Readonly<Record<string, readonly string[]>>): { options: CompilerOptions; note: string } {
  const configFile = ['tsconfig.json', 'jsconfig.json'].map((f) => join(root, f)).find((f) => existsSync(f));
  let options: CompilerOptions = {};
  let note = 'no tsconfig.json: default options';
  if (configFile) {
    const read = ts.readConfigFile(configFile, ts.sys.readFile);
    const json = (read.config ?? {}) as { extends?: unknown };
    const kit = join(root, '.svelte-kit/tsconfig.json');
    // SvelteKit's tsconfig extends the generated one, which exists only after `svelte-kit sync`: without it the
    // aliases below stand in for it.
    const extendsMissing = typeof json.extends === 'string' && !existsSync(resolve(root, json.extends));
    const parsed = ts.parseJsonConfigFileContent(extendsMissing ? { ...json, extends: undefined } : json, ts.sys, root, undefined, configFile);
    options = parsed.options;
    note = `${relative(root, configFile)}${existsSync(kit) && !extendsMissing && json.extends ? ` (extends ${relative(root, resolve(root, json.extends as string))})` : ''}${extendsMissing ? ` (its extends ${json.extends as string} is missing: SvelteKit's aliases and libraries assumed)` : ''}`;
  }
  // TypeScript's default is ES5 with its library alone, where `Object.assign` does not exist and whatever a model
  // object is built with types as `any` (its legacy uses then go unseen). A Vite app, and the tsconfig SvelteKit
  // generates, target ESNext with the DOM.
  if (options.target === undefined && options.lib === undefined) {
    options = { ...options, target: ts.ScriptTarget.ESNext, lib: ['lib.esnext.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] };
  }
  // Without SvelteKit's generated tsconfig, its kit.alias entries are not in the paths yet.
  const paths = { ...(existsSync(join(root, '.svelte-kit/tsconfig.json')) ? {} : kitAliases), ...(options.paths ?? {}) };
  if (!paths['$lib'] && existsSync(join(root, 'src/lib'))) {
    paths['$lib'] = [join(root, 'src/lib')];
    paths['$lib/*'] = [join(root, 'src/lib/*')];
  }
  const resolution = options.moduleResolution;
  const modern = resolution !== undefined && resolution !== ts.ModuleResolutionKind.Classic && resolution !== ts.ModuleResolutionKind.Node10;
  return {
    note,
    options: {
      ...options,
      paths,
      noEmit: true,
      allowJs: true,
      checkJs: false,
      skipLibCheck: true,
      // No automatic @types packages (node's alone is ~80 files): globals they declare degrade to `any`.
      types: [],
      allowImportingTsExtensions: true,
      ...(modern ? {} : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
      // Internal option (the language service's): root files with other extensions (`.svelte`) are accepted.
      allowNonTsExtensions: true,
    } as CompilerOptions,
  };
}

export interface ProgramInput {
  readonly ts: TypeScript;
  readonly root: string;
  /** Root-relative paths of the files the migration scans. */
  readonly files: readonly string[];
  /** The text of a project file (the planned output in the completeness pass). */
  readonly text: (rel: string) => string | null;
  /** The program to reuse unchanged files from. */
  readonly old?: AppProgram;
  /** The paths of the app's `kit.alias` (svelte.config.js), used where SvelteKit has not written its tsconfig yet. */
  readonly kitAliases?: Readonly<Record<string, readonly string[]>>;
}

export function buildProgram({ ts, root, files, text, old, kitAliases = {} }: ProgramInput): AppProgram {
  const { options, note } = old ? { options: old.program.getCompilerOptions(), note: old.configNote } : appOptions(ts, root, kitAliases);
  const host = ts.createCompilerHost(options, true);
  // As tsc parses: JSDoc in TypeScript (and svelte2tsx output, which is TypeScript here) only where it holds
  // `@see` / `@link`. The checker takes no type from JSDoc outside JavaScript files, and scanning every comment
  // (lib.dom.d.ts is mostly comments) was a tenth of the parse.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  // A component without `lang="ts"` is JavaScript: its JSDoc types its props and state, as svelte-check reads it.
  const svelteScriptKind = (file: ProgramFile | undefined) => (file?.tsx?.ts === false ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const byName = new Map<string, ProgramFile>();
  const texts = new Map<string, string>();
  for (const rel of files) {
    const fileName = join(root, rel);
    const content = text(rel);
    if (content === null) continue;
    if (rel.endsWith('.svelte')) {
      // The pass over the planned output: a component the plan leaves as it is keeps its conversion.
      const previous = old?.files.get(rel);
      if (previous?.component === content && previous.tsx) {
        byName.set(fileName, previous);
        texts.set(fileName, previous.tsx.code);
        continue;
      }
      try {
        const tsx = svelteToTsx(content, fileName);
        byName.set(fileName, { rel, fileName, tsx, component: content, problem: null });
        texts.set(fileName, tsx.code);
      } catch (error) {
        byName.set(fileName, { rel, fileName, tsx: null, component: content, problem: `svelte2tsx could not convert it: ${(error as Error).message.split('\n')[0]}` });
      }
    } else {
      byName.set(fileName, { rel, fileName, tsx: null, component: null, problem: null });
      texts.set(fileName, content);
    }
  }
  const baseGetSourceFile = host.getSourceFile.bind(host);
  const reused = new Map<string, SourceFile>();
  // Not a redirect (TypeScript's stand-in for a second copy of one package version, e.g. svelte reached through
  // a linked runtime): a host may not hand one back, and TypeScript makes it again itself.
  if (old) for (const sf of old.program.getSourceFiles()) if (!(sf as { redirectInfo?: unknown }).redirectInfo) reused.set(sf.fileName, sf);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const own = texts.get(fileName);
    if (own !== undefined) {
      const previous = reused.get(fileName);
      if (previous && previous.text === own) return previous;
      return ts.createSourceFile(fileName, own, languageVersion, true, fileName.endsWith('.svelte') ? svelteScriptKind(byName.get(fileName)) : undefined);
    }
    if (fileName.endsWith('.svelte')) return undefined;
    return reused.get(fileName) ?? baseGetSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const baseFileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => texts.has(fileName) || baseFileExists(fileName);
  const baseReadFile = host.readFile.bind(host);
  host.readFile = (fileName) => texts.get(fileName) ?? baseReadFile(fileName);

  const imports = new Map<string, Set<string>>();
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const aliases = Object.entries(options.paths ?? {});
  // As TypeScript resolves them: against baseUrl, else the directory of the tsconfig that declares the paths
  // (SvelteKit's generated `.svelte-kit/tsconfig.json` declares `$lib/*` as `../src/lib/*`).
  const pathsBase = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? root;
  /** `./Child.svelte` or `$lib/components/Child.svelte`: the component file, when it is in the program. */
  const svelteModule = (name: string, containing: string): string | null => {
    if (!name.endsWith('.svelte')) return null;
    const candidates = name.startsWith('.') ? [resolve(dirname(containing), name)] : [];
    for (const [pattern, targets] of aliases) {
      if (!matchesAlias(pattern, name)) continue;
      const star = pattern.indexOf('*');
      for (const target of targets) candidates.push(resolve(pathsBase, target.replace('*', star === -1 ? '' : name.slice(star))));
    }
    return candidates.find((c) => byName.has(c)) ?? null;
  };
  const unresolved = new Map<string, string[]>();
  const edge = (from: string, to: string) => {
    const list = imports.get(from) ?? new Set<string>();
    list.add(to);
    imports.set(from, list);
  };
  const missing = (file: string, name: string) => unresolved.set(file, [...(unresolved.get(file) ?? []), name]);
  /** A typed library as the app resolves it; svelte, which this toolkit depends on, else as the toolkit does. */
  const resolveLibrary = (name: string, containingFile: string) => {
    const result = ts.resolveModuleName(name, containingFile, options, host, cache);
    if (result.resolvedModule || !isSvelte(name)) return result;
    return ts.resolveModuleName(name, TOOLKIT_ANCHOR, options, host, cache);
  };
  const resolvedHere = new Set<string>();
  host.resolveModuleNameLiterals = (literals: readonly StringLiteralLike[], containingFile: string) => {
    resolvedHere.add(containingFile);
    return literals.map((literal) => {
      const name = literal.text;
      if (typedLibrary(name)) {
        const library = resolveLibrary(name, containingFile);
        // A route's generated `./$types` without SvelteKit's types (the app's dependencies not installed): the
        // route's `data` is `any`. Noted on the `$types` file, and passed on to its route once the program is built.
        if (!library.resolvedModule && isKit(name) && ROUTE_TYPES.test(containingFile)) missing(containingFile, name);
        return library;
      }
      const result = ts.resolveModuleName(name, containingFile, options, host, cache);
      const found = result.resolvedModule?.resolvedFileName;
      if (!found) {
        const component = svelteModule(name, containingFile);
        if (!component) {
          // Every import that does not resolve is named: an app module, `$lib` without the app's config, or a package
          // not installed (a workspace package holding the legacy layer): a legacy value travelling through it is not seen.
          // A stylesheet, an asset, a Vite query import (`?raw`, `?worker`) or a Node builtin holds no legacy value.
          if (!NOT_CODE.test(name) && !isBuiltin(name)) missing(containingFile, name);
          return result;
        }
        // A component can hand on legacy values too (its props, its module script's exports): it is an edge.
        edge(containingFile, component);
        return { resolvedModule: { resolvedFileName: component, extension: ts.Extension.Ts, isExternalLibraryImport: false } };
      }
      // Only source and the typed libraries above are typed (with their own files: Zero's declarations import each
      // other relatively): legacy types are declared in the app, and other libraries would multiply the cost.
      // Source outside the root that the app's own paths point at (a monorepo sibling, the toolkit's runtime in this
      // repository's examples) is typed like the app's; libraries are not.
      if (isDependency(found) && !(isDependency(containingFile) && name.startsWith('.'))) return { resolvedModule: undefined };
      edge(containingFile, found);
      return result;
    });
  };

  const rootNames = [...texts.keys(), ...svelteTypes()];
  const program = ts.createProgram({ rootNames, options, host, ...(old ? { oldProgram: old.program } : {}) });
  // A name the program declares as an ambient module resolves after all: SvelteKit 2's generated tsconfig maps
  // `$app/types` to a file it writes only for some apps, and its own declarations declare the module.
  const ambient = new Set(program.getTypeChecker().getAmbientModules().map((module) => module.getName().replace(/^"|"$/g, '')));
  for (const [file, names] of unresolved) {
    const left = names.filter((name) => !ambient.has(name));
    if (left.length > 0) unresolved.set(file, left);
    else unresolved.delete(file);
  }
  // What a route's `./$types` misses, its route misses.
  for (const [from, to] of imports) for (const types of to) if (ROUTE_TYPES.test(types)) for (const name of unresolved.get(types) ?? []) missing(from, name);
  const byRel = new Map<string, ProgramFile>();
  for (const file of byName.values()) byRel.set(file.rel, file);
  // Files the old program's resolutions were reused for keep their edges.
  if (old) {
    for (const [from, to] of old.imports) if (!resolvedHere.has(from)) imports.set(from, new Set(to));
    for (const [from, names] of old.unresolved) if (!resolvedHere.has(from)) unresolved.set(from, [...names]);
  }
  return { ts, program, root, files: byRel, configNote: note, imports, unresolved };
}
