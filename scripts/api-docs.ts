/**
 * `docs/api.md`, generated from the TSDoc of every public entry point, so the reference cannot drift from the code.
 * `tsx scripts/api-docs.ts` writes it; `--check` exits 1 when it is stale (the test suite runs the check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { JSDoc, Node, Project } from 'ts-morph';
import { ENTRY_POINTS, specifierOf } from '../packages/zero-record/entry-points.ts';

/** Public entry points: import specifier -> source file. */
export const API_ENTRIES: ReadonlyArray<readonly [string, string]> = ENTRY_POINTS.map((e) => [specifierOf(e), e.source] as const);

export const API_DOCS_PATH = 'docs/api.md';

function kindOf(node: Node): string {
  if (Node.isClassDeclaration(node)) return 'class';
  if (Node.isFunctionDeclaration(node)) return 'function';
  if (Node.isInterfaceDeclaration(node)) return 'interface';
  if (Node.isTypeAliasDeclaration(node)) return 'type';
  if (Node.isEnumDeclaration(node)) return 'enum';
  return 'const';
}

/** The doc comments of a declaration (overloaded functions: their first signature's). */
function docsOf(node: Node): JSDoc[] {
  const first = Node.isFunctionDeclaration(node) ? ((node.getImplementation() ?? node).getOverloads()[0] ?? node) : node;
  const holder = Node.isVariableDeclaration(first) ? first.getVariableStatement() : first;
  return holder && Node.isJSDocable(holder) ? holder.getJsDocs() : [];
}

function renderDoc(doc: JSDoc): string {
  const parts = [doc.getDescription().trim()];
  for (const tag of doc.getTags()) {
    const text = (tag.getCommentText() ?? '').trim();
    if (tag.getTagName() === 'example') parts.push(`\`\`\`ts\n${text}\n\`\`\``);
    else if (text) parts.push(`*@${tag.getTagName()}* ${text}`);
  }
  return parts.filter(Boolean).join('\n\n');
}

/** The whole reference, deterministic (entries in order, exports by name). */
export function renderApiDocs(root = process.cwd()): string {
  const project = new Project({ tsConfigFilePath: `${root}/tsconfig.json`, skipAddingFilesFromTsConfig: true });
  const out = [
    '# API reference',
    '',
    'Generated from the TSDoc comments of the public entry points by `npx tsx scripts/api-docs.ts`; `npm test` fails when it is stale.',
    'The CLI (`zero-record migrate | rollback | generate | serve`, package `zero-record-cli`) is described in README.md and MIGRATION.md.',
  ];
  for (const [specifier, path] of API_ENTRIES) {
    const file = project.addSourceFileAtPath(`${root}/${path}`);
    out.push('', `## \`${specifier}\``, '', `Source: \`${path}\``);
    const exports = [...file.getExportedDeclarations()].sort(([a], [b]) => a.localeCompare(b));
    for (const [name, declarations] of exports) {
      const declaration = declarations[0]!;
      const docs = docsOf(declaration).map(renderDoc).filter(Boolean);
      out.push('', `### \`${name}\` (${kindOf(declaration)})`, '', docs.join('\n\n') || '(undocumented)');
    }
  }
  return out.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rendered = renderApiDocs();
  if (process.argv.includes('--check')) {
    const current = readFileSync(API_DOCS_PATH, 'utf8');
    if (current !== rendered) {
      process.stderr.write(`${API_DOCS_PATH} is stale: run npx tsx scripts/api-docs.ts\n`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(API_DOCS_PATH, rendered);
    process.stdout.write(`wrote ${API_DOCS_PATH}\n`);
  }
}
