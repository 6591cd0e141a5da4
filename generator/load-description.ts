/**
 * Reads a description JSON (written by the Rails task) and checks its shape, naming every problem at once.
 */
import { readFile } from 'node:fs/promises';
import type { AppDescription } from './description.ts';
import { GeneratorInputError } from './errors.ts';

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isStringOrNull: Check = (v) => v === null || typeof v === 'string';
const isBoolean: Check = (v) => typeof v === 'boolean';
const isArray: Check = Array.isArray;
const isObject: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

const RUBY_CONSTANT = /^[A-Z]\w*(::[A-Z]\w*)*$/;

const MODEL_FIELDS: Record<string, Check> = {
  class_name: (v) => typeof v === 'string' && RUBY_CONSTANT.test(v),
  table: isString,
  primary_key: isStringOrNull,
  file: isString,
  columns: isArray,
  enums: isArray,
  associations: isArray,
  validations: isObject,
  scopes: isArray,
};
const COLUMN_FIELDS: Record<string, Check> = { name: isString, type: isString, null: isBoolean, default_function: isStringOrNull, array: isBoolean };
const ASSOCIATION_FIELDS: Record<string, Check> = {
  name: isString,
  macro: (v) => ['belongs_to', 'has_many', 'has_one', 'has_and_belongs_to_many'].includes(v as string),
  class_name: isStringOrNull,
  foreign_key: isStringOrNull,
  primary_key: isStringOrNull,
  through: isStringOrNull,
  source: isStringOrNull,
  as: isStringOrNull,
  polymorphic: isBoolean,
  scoped: isBoolean,
};
const DEFAULT_SCOPE_FIELDS: Record<string, Check> = { file: isStringOrNull, line: (v) => v === null || Number.isInteger(v), source: isStringOrNull };
const SCOPE_FIELDS: Record<string, Check> = { name: isString, line: (v) => Number.isInteger(v), source: isString, params: isArray, arity: (v) => Number.isInteger(v), file: (v) => v === undefined || isString(v) };
const INHERITANCE_FIELDS: Record<string, Check> = { base_class: MODEL_FIELDS['class_name']!, column: isStringOrNull, types: (v) => isArray(v) && (v as unknown[]).every(isString) };

function checkFields(value: unknown, fields: Record<string, Check>, where: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${where} must be an object`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [field, check] of Object.entries(fields)) {
    if (check(record[field])) continue;
    const got = JSON.stringify(record[field]) ?? 'nothing';
    problems.push(
      field === 'class_name' && typeof record[field] === 'string'
        ? `${where}.class_name must be a Ruby class name like Job or Admin::User (got ${got})`
        : `${where}.${field} is missing or has the wrong type (got ${got})`,
    );
  }
}

/** Every problem of a parsed description (empty when usable). */
export function descriptionProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['the description must be a JSON object with version, models and skipped'];
  const d = value as Record<string, unknown>;
  if (d.version !== 2) problems.push(`version must be 2 (got ${JSON.stringify(d.version)}); regenerate it with the matching zero-record Rails task`);
  if (!isArray(d.skipped)) problems.push('skipped must be an array');
  if (!isArray(d.models)) return [...problems, 'models must be an array'];
  (d.models as unknown[]).forEach((model, i) => {
    const where = `models[${i}]${isObject(model) && isString((model as { class_name?: unknown }).class_name) ? ` (${(model as { class_name: string }).class_name})` : ''}`;
    checkFields(model, MODEL_FIELDS, where, problems);
    if (!isObject(model)) return;
    const m = model as Record<string, unknown>;
    if (isArray(m.columns)) (m.columns as unknown[]).forEach((c, j) => checkFields(c, COLUMN_FIELDS, `${where}.columns[${j}]`, problems));
    if (isArray(m.associations)) (m.associations as unknown[]).forEach((a, j) => checkFields(a, ASSOCIATION_FIELDS, `${where}.associations[${j}]`, problems));
    if (isArray(m.scopes)) (m.scopes as unknown[]).forEach((s, j) => checkFields(s, SCOPE_FIELDS, `${where}.scopes[${j}]`, problems));
    // Optional: a description from an older Rails task has none.
    if (m.default_scopes !== undefined && !isArray(m.default_scopes)) problems.push(`${where}.default_scopes must be an array`);
    if (isArray(m.default_scopes)) (m.default_scopes as unknown[]).forEach((s, j) => checkFields(s, DEFAULT_SCOPE_FIELDS, `${where}.default_scopes[${j}]`, problems));
    if (m.inheritance !== undefined) checkFields(m.inheritance, INHERITANCE_FIELDS, `${where}.inheritance`, problems);
    if (isArray(m.enums)) {
      (m.enums as unknown[]).forEach((e, j) =>
        checkFields(e, { name: isString, values: isObject, prefix: isStringOrNull, suffix: isStringOrNull, scopes: isBoolean, instance_methods: isBoolean, validate: isBoolean }, `${where}.enums[${j}]`, problems),
      );
    }
  });
  return problems;
}

export async function loadDescription(path: string): Promise<AppDescription> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new GeneratorInputError(`Cannot read the description ${path}`, [`${path} does not exist or is not readable: run bin/rails zero_record:generate first, or use --from <rails-app>`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GeneratorInputError(`Invalid description ${path}`, [`not valid JSON: ${(error as Error).message}`]);
  }
  const problems = descriptionProblems(parsed);
  if (problems.length > 0) throw new GeneratorInputError(`Invalid description ${path}`, problems);
  return parsed as AppDescription;
}
