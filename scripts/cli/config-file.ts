/** Loads `zero-record.config.json` (or `--config <file>`): optional; every problem is named at once. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG, MigrationConfigError, parseMigrationConfig, type MigrationConfig } from '../../codemods/config.ts';
import { CliError } from './errors.ts';

export const CONFIG_FILE = 'zero-record.config.json';

export function loadConfig(root: string, cwd: string, explicit: string | undefined): MigrationConfig {
  const file = explicit ? resolve(cwd, explicit) : join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) throw new CliError(`config file ${file} does not exist`, 2);
    return DEFAULT_CONFIG;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(new MigrationConfigError(file, [`not valid JSON: ${(error as Error).message}`]).message, 2);
  }
  try {
    return parseMigrationConfig(raw, file);
  } catch (error) {
    if (error instanceof MigrationConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}
