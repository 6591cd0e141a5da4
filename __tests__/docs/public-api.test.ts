/**
 * Every public export carries a TSDoc comment, and docs/api.md (generated from them) is current.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { API_DOCS_PATH, API_ENTRIES, renderApiDocs } from '../../scripts/api-docs.ts';

describe('public API documentation', () => {
  // ts-morph resolves the whole program behind the entries: seconds, not milliseconds.
  const rendered = renderApiDocs();
  const sections = rendered.split(/^## /m).slice(1);

  test.each(API_ENTRIES)('every export of %s (%s) has a TSDoc comment', (specifier) => {
    const section = sections.find((s) => s.startsWith(`\`${specifier}\``))!;
    const undocumented = [...section.matchAll(/^### `([^`]+)`.*\n\n\(undocumented\)$/gm)].map((m) => m[1]);
    expect(undocumented).toEqual([]);
  });

  test(`${API_DOCS_PATH} is up to date (regenerate: npx tsx scripts/api-docs.ts)`, () => {
    expect(readFileSync(API_DOCS_PATH, 'utf8')).toBe(rendered);
  });
}, 120_000);
