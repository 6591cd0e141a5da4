/**
 * The scenarios whose output differs from ActiveRecord 6.1's, each with why. differential.test.ts fails on a difference
 * missing here and on an entry that no longer differs (or no longer in every part it lists).
 *
 * - `rails-7+`: the runtime follows Rails 7 / 8.1 (its target) where 6.1 answers otherwise.
 * - `documented`: a design difference the named doc states.
 * - `bug`: a real mismatch, to be fixed in the runtime (or documented, then moved to `documented`).
 *
 * `parts`: where the outputs differ. `class` and / or `message` when both raised; `value` otherwise (one raised, or
 * both answered, differently).
 */
export type Part = 'class' | 'message' | 'value';
export type Category = 'rails-7+' | 'documented' | 'bug';
/** Where a documented difference is stated, from the repository root. */
type DocFile = 'README.md' | `docs/${string}.md`;

interface Difference {
  readonly parts: readonly Part[];
  /** One line: what differs and why. */
  readonly reason: string;
}
export type KnownDifference =
  | (Difference & { readonly category: 'rails-7+' | 'bug' })
  | (Difference & { readonly category: 'documented'; readonly doc: DocFile });

const rails7 = (parts: readonly Part[], reason: string): KnownDifference => ({ category: 'rails-7+', parts, reason });
const documented = (doc: DocFile, parts: readonly Part[], reason: string): KnownDifference => ({ category: 'documented', doc, parts, reason });

// Shared reasons.
const zeroRecordError = "Rails' ActiveRecordError is the runtime's base error, ZeroRecordError; same message";
const queryError = "Rails' ArgumentError is the runtime's QueryError; same message";
const noSqlInNotFound = "RecordNotFoundError has no SQL to show: Rails appends the relation's [WHERE ...]";
const limitedCalculation = 'a calculation of a limited relation covers the rows it holds; Rails applies the limit to the one aggregate row';
const soleIsRails7 = 'sole / find_sole_by are Rails 7.0: 6.1 has no such method';
const enumLabelError = "an invalid enum label raises QueryError with Rails' message, where Rails raises ArgumentError";
const missing = (rails: string) => `missing: Rails' ${rails} is not in the runtime`;
const throughReadWithIncludes = "a has_many / has_one :through (two hops) is read with includes: its reader raises QueryError where Rails queries through the join";
const readerNotCached = 'an association read without includes reads the rows again at each await (only an included or assigned one is held); Rails caches the first read until reload';
const noInverse = 'no inverse_of: a record read through client.jobs reads its client again (another object, without its unsaved changes); Rails sets the loaded owner as the inverse';
const joinRepeats = "joins of a has_many is Zero's EXISTS: each row once, where Rails' INNER JOIN repeats it per associated row (as distinct would not)";
const missingCollection = (rails: string) => `missing: Rails' CollectionProxy#${rails} is not on an association's relation (TypeError)`;
const missingSingular = (rails: string) => `missing: Rails' ${rails} (the methods belongs_to / has_one define) is not on records (TypeError)`;

export const knownDifferences: Readonly<Record<string, KnownDifference>> = {
  // Validations and errors.
  'errors.messages': documented('docs/records.md', ['value'], "Rails' errors.messages is spelled errors.to_hash()"),
  'v2.int.string_1_0': documented('docs/records.md', ['value'], "new / assign_attributes cast '1.0' to 1 before only_integer reads it; a value assigned to the property is read as typed, as Rails reads it"),
  'v2.errors_add_symbol': documented('docs/records.md', ['value'], "errors.add takes the message's text: JavaScript has no Symbol for Rails' error types (:invalid is is invalid)"),
  'v2.save_abc_no_validation': documented('docs/records.md', ['value'], "'abc' in a number column without a numericality validation raises QueryError where Rails stores 'abc'.to_i, 0"),

  // Dirty tracking.
  'dirty.cast_plain_assign': documented('docs/records.md', ['value'], "an ActiveRecord record's column is a plain property: it holds '10' as assigned until save casts it"),
  'dirty.int_cast_float': documented('docs/records.md', ['value'], "Zero's number columns do not say integer or float: '7.9' is 7.9, where Rails' integer column truncates it to 7"),

  // Persistence.
  'p.assign_after_destroy': documented('docs/records.md', ['class', 'message'], "a destroyed record is frozen: assigning raises JavaScript's TypeError, where Rails raises FrozenError"),
  'p.update_columns_new': documented('docs/api.md', ['class'], zeroRecordError),
  'p.update_columns_destroyed': documented('docs/api.md', ['class'], zeroRecordError),
  'p.update_columns_empty': documented('docs/records.md', ['class', 'message'], "update_columns({}) raises 'Empty list of attributes to change' (QueryError); 6.1 crashes with a NoMethodError"),
  'p.duplicate_id': documented('docs/records.md', ['message'], "a duplicate key is refused before the write, RecordNotUniqueError saying which key; Rails carries the database's words"),
  'p.touch_new': documented('docs/api.md', ['class'], zeroRecordError),
  'p.assign_non_hash': documented('docs/records.md', ['class'], queryError),
  'p2.create_or_find_existing': documented('docs/records.md', ['message'], "create_or_find_by({ id }) leaving a required column NULL raises NotNullViolation, as Rails does, in PostgreSQL's words (SQLite's here)"),
  'p2.create_or_find_conflict_mismatch': documented('docs/relations.md', ['class', 'message'], "no row matches the hash after a key conflict: the insert's MutationError where Rails raises RecordNotFound"),
  'p3.create_missing_required': documented('docs/records.md', ['message'], "NULL in a required column is refused before the write, NotNullViolationError in PostgreSQL's words (SQLite's here)"),

  // Attribute API.
  'a.inspect': documented('docs/records.md', ['value'], missing('inspect (#<Item id: "i1", ...>)')),
  'a.dup': documented('docs/records.md', ['value'], missing('dup (a new record with the same columns, no key)')),
  'a.frozen_destroyed_error': documented('docs/records.md', ['class', 'message'], "a destroyed record is frozen: assigning raises JavaScript's TypeError, where Rails raises FrozenError"),

  // Finders.
  'f.find_where_scoped': documented('README.md', ['message'], noSqlInNotFound),
  'f.first_bang_none': documented('README.md', ['message'], noSqlInNotFound),
  'f.last_bang_none': documented('README.md', ['message'], noSqlInNotFound),
  'f.take_bang_none': documented('README.md', ['message'], noSqlInNotFound),
  'f.second_bang_none': documented('README.md', ['message'], noSqlInNotFound),
  'f.sole': rails7(['value'], soleIsRails7),
  'f.sole_none': rails7(['class', 'message'], soleIsRails7),
  'f.sole_many': rails7(['class', 'message'], soleIsRails7),
  'f.find_sole_by': rails7(['value'], soleIsRails7),
  'f.find_sole_by_many': rails7(['class', 'message'], soleIsRails7),
  'f.find_sole_by_none': rails7(['class', 'message'], soleIsRails7),
  'f2.or_incompatible_order': documented('docs/api.md', ['class'], queryError),
  'f2.or_incompatible_limit': documented('docs/api.md', ['class'], queryError),
  'd2.previously_persisted': rails7(['value'], 'previously_persisted? is Rails 7.0: 6.1 has no such method'),

  // Calculations and bulk writes.
  'c.sum_limit': documented('docs/relations.md', ['value'], limitedCalculation),
  'c2.average_limit': documented('docs/relations.md', ['value'], limitedCalculation),
  'c2.min_limit': documented('docs/relations.md', ['value'], limitedCalculation),
  'c.sum_string': documented('docs/relations.md', ['value'], "sum of a string column is refused (QueryError); SQLite's SUM answers 0.0"),
  'c.count_unknown': documented('docs/api.md', ['class', 'message'], "an unknown column is the runtime's QueryError naming the columns, where Rails raises the database's StatementInvalid"),
  'c2.max_bool': documented('docs/relations.md', ['value'], 'minimum / maximum take a number or string column; a boolean one is refused (QueryError)'),
  'c2.group_count_limit': documented('docs/relations.md', ['value'], 'group leads only to the calculations, so it comes last: limit(2).group(...), not group(...).limit(2)'),
  'w.update_all_empty': documented('docs/api.md', ['class'], queryError),

  // Enums.
  'e.int_read': documented('docs/records.md', ['value'], "an integer-backed enum's column reads its stored number (1), where Rails reads the label"),
  'e.invalid': documented('docs/records.md', ['class'], enumLabelError),
  'e.invalid_new': documented('docs/records.md', ['class'], enumLabelError),
  'e.invalid_update': documented('docs/records.md', ['class'], enumLabelError),
  'e.invalid_int': documented('docs/records.md', ['class'], enumLabelError),

  // Associations: readers.
  'as.bt.cached': documented('docs/relations.md', ['value'], readerNotCached),
  'as.hm.cached_after_load': documented('docs/relations.md', ['value'], readerNotCached),
  'as.bt.create_client': documented('docs/relations.md', ['value'], missingSingular('create_client!')),
  'as.ho.build': documented('docs/relations.md', ['value'], missingSingular('build_profile')),
  'as.ho.create': documented('docs/relations.md', ['value'], missingSingular('create_profile!')),
  'as.assign.wrong_class': documented('docs/relations.md', ['value'], "a record of another model assigned to a belongs_to raises QueryError, where Rails raises AssociationTypeMismatch"),
  'as.assign.unsaved_parent': documented('docs/relations.md', ['value'], 'an unsaved record assigned to a belongs_to raises QueryError (save it first), where Rails saves it with the record'),

  // Associations: has_many collection methods.
  'as.hm.size_length': documented('docs/relations.md', ['value'], missingCollection('size / length')),
  'as.build.size_counts_built': documented('docs/relations.md', ['value'], `${missingCollection('size')}; Rails' size also counts the records built and not yet saved`),
  'as.hm.singular_ids': documented('docs/relations.md', ['value'], "missing: Rails' has_many reader client.job_ids (collection_singular_ids) is not on records (TypeError)"),
  'as.hm.reload': documented('docs/relations.md', ['value'], missingCollection('reload')),
  'as.hm.find_outside': documented('README.md', ['message'], noSqlInNotFound),
  'as.hm.find_by_bang_outside': documented('README.md', ['message'], noSqlInNotFound),

  // Associations: has_many / has_one :through.
  'as.th.reader': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.th.count': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.th.where': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.th.tags': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.th.tag_jobs': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.th.ids': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.th.find_outside': documented('docs/relations.md', ['class', 'message'], throughReadWithIncludes),
  'as.th.create': documented('docs/relations.md', ['value'], `${throughReadWithIncludes}; nor would it build the join row Rails builds`),
  'as.th.has_one_reader': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.th.has_one_nil': documented('docs/relations.md', ['value'], throughReadWithIncludes),
  'as.scope.on_through': documented('docs/relations.md', ['value'], throughReadWithIncludes),

  // Associations: includes, preload, eager_load, joins, where.associated / where.missing.
  'as.inc.scoped_assoc': documented('docs/relations.md', ['value'], "after includes('jobs') client.jobs is the loaded array, with no where; Rails' loaded association still queries"),
  'as.join.has_many_repeats': documented('docs/relations.md', ['value'], joinRepeats),
  'as.wa.associated': rails7(['value'], 'where.associated is Rails 7.0: 6.1 has no such method'),
  'as.wa.associated_has_many': rails7(['value'], "where.associated is Rails 7.0: 6.1 has no such method (7.0's INNER JOIN would repeat c1; the runtime answers each row once, docs/relations.md)"),

  // Associations: required belongs_to, dependent:, inverse_of.
  'as.req.dangling': documented('docs/generator.md', ['value'], 'a required belongs_to checks that the key is set, not that the row exists: Rails says Job must exist for a dangling key'),
  'as.dep.restrict_with_error_bang': rails7(['message'], "destroy! of a refused destroy names the record (Failed to destroy ClientRE with id=c1), Rails 7.1's words; 6.1 says Failed to destroy the record"),
  'as.dep.class_destroy_refused': documented('docs/records.md', ['value'], "Model.destroy(id) refused by restrict_with_error gives the record back, not destroyed, where Rails answers false"),
  'as.inv.loaded_parent_same': documented('docs/relations.md', ['value'], noInverse),
  'as.inv.unsaved_change_seen': documented('docs/relations.md', ['value'], noInverse),
  'as.inv.built_parent_same': documented('docs/relations.md', ['value'], `${noInverse} (client.jobs.build too)`),
  'as.inv.includes_parent': documented('docs/relations.md', ['value'], `${noInverse} (after includes too)`),
  'as.sti.upsert': rails7(['value'], "an STI subclass's upsert writes its type, as Rails 7.1+'s insert_all / upsert_all do (6.1 writes none)"),
};
