import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Zero, type Schema } from '@rocicorp/zero';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorInputError } from '../../generator/errors.ts';
import { generate } from '../../generator/generate.ts';
import { writeGeneration } from '../../generator/output.ts';
import { configureZero } from '../../runtime/index.ts';
import { parseArgs } from '../../scripts/generate.ts';
import { fixtureDescription, outputDir } from './support.ts';

const schemaOf = (files: { path: string; content: string }[]) => files.find((f) => f.path === 'schema.ts')!.content;

describe('--legacy-sync', () => {
  it('sets both legacy flags in the generated schema, and only when asked', async () => {
    const legacy = schemaOf((await generate(await fixtureDescription(), { legacySync: true })).files);
    expect(legacy).toContain('  enableLegacyQueries: true,\n  enableLegacyMutators: true,\n});');
    expect(schemaOf((await generate(await fixtureDescription())).files)).not.toContain('enableLegacy');
  });

  it('comes from the flag or the config key generate.legacySync (a boolean)', async () => {
    const out = await outputDir();
    try {
      const config = join(out.dir, 'zero-record.config.json');
      await expect(parseArgs(['--from', 'app', '--out', 'x', '--config', config])).rejects.toThrow('file not found');
      expect((await parseArgs(['--from', 'app', '--out', 'x', '--legacy-sync'])).legacySync).toBe(true);
      await writeFile(config, JSON.stringify({ generate: { from: 'app', out: 'x', legacySync: true } }));
      expect((await parseArgs(['--config', config])).legacySync).toBe(true);
      await writeFile(config, JSON.stringify({ generate: { from: 'app', out: 'x', legacySync: 'yes' } }));
      const error = await parseArgs(['--config', config]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GeneratorInputError);
      expect(String((error as GeneratorInputError).problems)).toContain('generate.legacySync must be a boolean');
      expect((await parseArgs(['--from', 'app', '--out', 'x'])).legacySync).toBeUndefined();
    } finally {
      await out.cleanup();
    }
  });
});

describe('a --legacy-sync schema on a real local Zero', () => {
  let zero: Zero<Schema> | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await zero?.close();
    await cleanup?.();
  });

  it('serves legacy z.query reads and the models write through the CRUD mutators (no custom mutators registered)', async () => {
    const out = await outputDir();
    cleanup = out.cleanup;
    const { files } = await generate(await fixtureDescription(), { ...out.options, legacySync: true });
    await writeGeneration(out.dir, files);
    const { schema } = (await import(join(out.dir, 'schema.ts'))) as { schema: Schema };
    const { ActiveClient } = (await import(join(out.dir, 'client.active.ts'))) as {
      ActiveClient: { create(a: Record<string, unknown>): Promise<unknown>; where(h: object): PromiseLike<Array<Record<string, unknown>>> };
    };
    zero = new Zero({ userID: 'legacy-sync-test', cacheURL: null, kvStore: 'mem', schema, logLevel: 'error' });
    configureZero(zero);
    await ActiveClient.create({ id: 'c1', name: 'Acme' });
    const legacy = zero as unknown as { query: Record<string, { where(c: string, v: string): unknown }> };
    const rows = (await zero.run(legacy.query.clients!.where('id', 'c1') as Parameters<typeof zero.run>[0])) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.name, r.archived, r.jobs_count])).toEqual([['Acme', false, 0]]);
    expect((await ActiveClient.where({ archived: false })).map((r) => r.id)).toEqual(['c1']);
  });
});
