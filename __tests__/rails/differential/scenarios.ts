/**
 * The differential test's TypeScript scenarios: scenarios.rb's, name for name, against zero-record's ActiveRecord
 * flavour. Ruby's `!` / `?` are `_bang` / `_p` (docs/names.md); `where.not` is `not`; a Ruby range is `{ gte, lte }`.
 * `runScenarios` runs each on a fresh local Zero with the seed rows and gives its output in scenarios.rb's shape.
 */
import { ActiveRelation } from '../../../runtime/index.ts';
import { OLD, localZero, makeModels, seed, type Models, type PersonModel, type PersonName } from './models.ts';

/** One scenario: what it answers (awaited), or what it throws. */
type Scenario = (models: Models) => unknown;

/** A scenario's output, as scenarios.rb prints it. */
export type Outcome = { readonly value: unknown } | { readonly raised: { readonly class: string; readonly message: string } };

/**
 * A value as Ruby is given it where the TypeScript types refuse it (a form's `'10'` in a number column, an unknown
 * column, a non-hash): these scenarios check the runtime's answer to exactly such input.
 */
const raw = (value: unknown): never => value as never;

/** Calls a Rails method the record, relation or model may not have (Ruby's `public_send`): a TypeError when missing. */
function send(target: unknown, method: string, ...args: unknown[]): unknown {
  const fn: unknown = typeof target === 'object' && target !== null ? Reflect.get(target, method) : undefined;
  if (typeof fn !== 'function') throw new TypeError(`${method} is not a function`);
  return Reflect.apply(fn, target, args);
}

/** Reads a Rails reader the model or record may not have (`primary_key`): undefined when missing. */
const read = (target: unknown, name: string): unknown => (typeof target === 'object' && target !== null ? Reflect.get(target, name) : undefined);

/** Ruby's method call on a reader's answer: nil has none (NoMethodError there, TypeError here). */
function must<T>(value: T | null): T {
  if (value === null) throw new TypeError('Cannot read properties of null');
  return value;
}

/** Ruby's `.id` on a finder's answer: nil has no `id` (NoMethodError there, TypeError here). */
function idOf(record: { readonly id: string } | null): string {
  if (record === null) throw new TypeError("Cannot read properties of null (reading 'id')");
  return record.id;
}

const ids = async (relation: PromiseLike<readonly { readonly id: string }[]>) => (await relation).map((r) => r.id);

/** What a batch iterator yields, mapped: Ruby's `find_each { |r| a << ... }`. */
async function collect<T, U>(batches: AsyncIterable<T>, map: (item: T) => U): Promise<U[]> {
  const out: U[] = [];
  for await (const item of batches) out.push(map(item));
  return out;
}

/** Ruby's `hash.slice(*keys)`. */
const slice = (values: object, ...keys: string[]) => Object.fromEntries(keys.map((k) => [k, Reflect.get(values, k)]));

/** models.rb's `v`: validates a new record of `model` with `attributes`. */
function v(model: PersonModel, attributes: Readonly<Record<string, unknown>>) {
  const r = model.new(raw(attributes));
  const valid = r.valid_p();
  return { valid, invalid: r.invalid_p(), errors: { full: r.errors.full_messages(), hash: r.errors.to_hash() } };
}

/** The scenarios that only validate a new record: name, person model, attributes (scenarios.rb's `v(...)` lines). */
const validationCases: readonly (readonly [string, PersonName, Readonly<Record<string, unknown>>])[] = [
  ['v.presence.nil', 'VPresence', {}],
  ['v.presence.spaces', 'VPresence', { name: '   ' }],
  ['v.presence.ok', 'VPresence', { name: 'x' }],
  ['v.length.short', 'VLength', { name: 'ab' }],
  ['v.length.long', 'VLength', { name: 'abcdefghijk' }],
  ['v.length.nil', 'VLength', {}],
  ['v.length.is', 'VLenIs', { code: 'abc' }],
  ['v.length.max1', 'VLenMax1', { code: 'ab' }],
  ['v.length.msg', 'VLenMsg', { name: 'abcd' }],
  ['v.attr_msg', 'VAttrMsg', { name: '' }],
  ['v.num.abc', 'VNum', { age: 'abc' }],
  ['v.num.nil', 'VNum', { age: null }],
  ['v.num.nil_allowed', 'VNumNil', { age: null }],
  ['v.num.hex', 'VNum', { age: '0x1A' }],
  ['v.num.spaces', 'VNum', { age: ' 5 ' }],
  ['v.num.exp', 'VNum', { age: '1e3' }],
  ['v.num.empty_string', 'VNum', { age: '' }],
  ['v.num.underscore', 'VNum', { age: '1_000' }],
  ['v.int.float', 'VInt', { age: 1.5 }],
  ['v.int.string_float', 'VInt', { age: '2.5' }],
  ['v.int.ok', 'VInt', { age: '7' }],
  ['v.range.zero', 'VRange', { age: 0 }],
  ['v.range.big', 'VRange', { age: 101 }],
  ['v.odd', 'VOdd', { age: 4 }],
  ['v.even', 'VEven', { age: 3 }],
  ['v.eq', 'VEq', { age: 4 }],
  ['v.other', 'VOther', { age: 5 }],
  ['v.floatbound', 'VFloatBound', { score: 1 }],
  ['v.nummsg', 'VNumMsg', { age: -1 }],
  ['v.gte', 'VGte', { score: 10 }],
  ['v.gte_low', 'VGte', { score: 1.99 }],
  ['v.incl', 'VIncl', { role: 'guest' }],
  ['v.incl.nil', 'VIncl', {}],
  ['v.incl.nil_allowed', 'VInclNil', {}],
  ['v.excl', 'VExcl', { role: 'root' }],
  ['v.format', 'VFormat', { code: 'abc1' }],
  ['v.format.nil', 'VFormat', {}],
  ['v.format.multiline', 'VFormat', { code: 'abc\ndef' }],
  ['v.format_without', 'VFormatWithout', { code: 'a1' }],
  ['v.absence', 'VAbsence', { name: 'x' }],
  ['v.allow_blank', 'VBlank', { name: '' }],
  ['v.allow_nil_blank', 'VNilOnly', { name: '' }],
  ['v.multi', 'VMulti', { name: '', age: 17.5 }],
  ['v.human', 'VHuman', {}],
  ['v.flag.false', 'VFlag', { flag: false }],
  ['v.flagincl.false', 'VFlagIncl', { flag: false }],
  ['v.age_presence.zero', 'VAgePresence', { age: 0 }],
  ['v2.int.string_1_0', 'VInt', { age: '1.0' }],
  ['v2.num.nil_allowed_empty', 'VNumNil', { age: '' }],
  ['v2.num.spaces_only', 'VNum', { age: '   ' }],
  ['v2.incl_int_string', 'VInclInt', { age: '1' }],
  ['v2.len_num', 'VLenNum', { age: 12345 }],
  ['v3.score_only_integer_string', 'VScoreInt', { score: '3' }],
];

/** The other scenarios, in scenarios.rb's order. */
const scenarios: Readonly<Record<string, Scenario>> = {
  // ---------------- validations (the v.* cases are validationCases, above), errors, saves that validate
  'errors.api': ({ VMulti }) => {
    const r = VMulti.new({ name: '', age: 10 });
    r.valid_p();
    r.errors.add('base', 'Something off');
    const e = r.errors;
    return {
      full: e.full_messages(),
      for_name: e.full_messages_for('name'),
      get: e.get('name'),
      get_missing: e.get('email'),
      added: e.added_p('name', "can't be blank"),
      added_no: e.added_p('name', 'nope'),
      include: e.include_p('age'),
      include_no: e.include_p('email'),
      count: e.count(),
      size: e.size(),
      empty: e.empty_p(),
      any: e.any_p(),
      names: e.attribute_names(),
      hash: e.to_hash(),
    };
  },
  'errors.delete_clear': ({ VMulti }) => {
    const r = VMulti.new({ name: '', age: 10 });
    r.valid_p();
    const d = r.errors.delete('name');
    const a = r.errors.full_messages();
    r.errors.clear();
    return { deleted: d, after: a, cleared: r.errors.full_messages(), empty: r.errors.empty_p() };
  },
  'errors.valid_clears_added': ({ VPresence }) => {
    const r = VPresence.new({ name: 'x' });
    r.errors.add('name', 'custom');
    const ok = r.valid_p();
    return { ok, full: r.errors.full_messages() };
  },
  'errors.details': ({ VMulti }) => { const r = VMulti.new({ name: '', age: 10 }); r.valid_p(); return send(r.errors, 'details'); },
  'errors.messages': ({ VMulti }) => { const r = VMulti.new({ name: '', age: 10 }); r.valid_p(); return send(r.errors, 'messages'); },
  'errors.full_message': ({ VMulti }) => send(VMulti.new().errors, 'full_message', 'name', 'is odd'),

  'save.invalid': async ({ VPresence }) => {
    const r = VPresence.new({ id: 'x1' });
    const ok = await r.save();
    return { ok, new: r.new_record_p(), full: r.errors.full_messages(), count: await VPresence.count() };
  },
  'create.invalid': async ({ VPresence }) => {
    const r = await VPresence.create({ id: 'x1' });
    return { new: r.new_record_p(), persisted: r.persisted_p(), id: r.id, full: r.errors.full_messages() };
  },
  'create_bang.invalid': ({ VMulti }) => VMulti.create_bang({ id: 'x1', name: '', age: raw('x') }),
  'save_bang.invalid': async ({ VMulti }) => { const r = VMulti.new({ id: 'x1', name: 'ab', age: 20 }); return r.save_bang(); },
  'update.invalid': async ({ VPresence }) => {
    const r = await VPresence.create_bang({ id: 'x1', name: 'ok' });
    const ok = await r.update({ name: '' });
    return { ok, changed: r.changed_p(), changes: r.changes(), db: (await VPresence.find('x1')).name, full: r.errors.full_messages() };
  },
  'update_bang.invalid': async ({ VPresence }) => { const r = await VPresence.create_bang({ id: 'x2', name: 'ok' }); return r.update_bang({ name: '' }); },
  'save.validate_false': async ({ VPresence }) => {
    const r = VPresence.new({ id: 'x3' });
    const ok = await r.save({ validate: false });
    return { ok, persisted: r.persisted_p(), errors: r.errors.full_messages() };
  },
  'update.invalid_in_db': async ({ VPresence }) => {
    await VPresence.new({ id: 'x4', name: null, age: 1 }).save({ validate: false });
    const r = await VPresence.find('x4');
    const ok = await r.update({ age: 2 });
    return { ok, full: r.errors.full_messages(), db_age: (await VPresence.find('x4')).age };
  },
  'class_update.invalid': async ({ VPresence }) => {
    await VPresence.create_bang({ id: 'x5', name: 'ok' });
    const r = await VPresence.update('x5', { name: '' });
    return { persisted: r.persisted_p(), full: r.errors.full_messages(), changed: r.changed(), db: (await VPresence.find('x5')).name };
  },
  'class_update.missing': ({ VPresence }) => VPresence.update('zz', { name: 'x' }),

  // ---------------- dirty tracking
  'dirty.basic': async ({ Item }) => {
    const r = await Item.find('i1');
    r.name = 'Apricot';
    return {
      'changed?': r.changed_p(), changed: r.changed(), changes: r.changes(), was: r.attribute_was('name'),
      ac: r.attribute_changed_p('name'), ac_from_to: r.attribute_changed_p('name', { from: 'Apple', to: 'Apricot' }),
      ac_wrong_from: r.attribute_changed_p('name', { from: 'X' }), ac_only_to: r.attribute_changed_p('name', { to: 'Apricot' }),
      ac_other: r.attribute_changed_p('qty'), attribute_was: r.attribute_was('name'),
      wsc: r.will_save_change_to_attribute_p('name'), ctbs: r.attribute_change_to_be_saved('name'),
      in_db: r.attribute_in_database('name'), hcts: r.has_changes_to_save_p(), cts: r.changes_to_save(),
      names_to_save: r.changed_attribute_names_to_save(),
    };
  },
  'dirty.same_value': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'Apple'; r.qty = 10; return { 'changed?': r.changed_p(), changes: r.changes() }; },
  'dirty.back_and_forth': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'X'; r.name = 'Apple'; return { 'changed?': r.changed_p(), changes: r.changes() }; },
  'dirty.nil_to_nil': async ({ Item }) => { const r = await Item.find('i2'); r.code = null; return r.changed_p(); },
  'dirty.restore': async ({ Item }) => {
    const r = await Item.find('i1'); r.name = 'X'; r.qty = 99;
    const ret = r.restore_attributes(['name']);
    return { ret, name: r.name, changes: r.changes() };
  },
  'dirty.restore_all': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'X'; r.qty = 99; const ret = r.restore_attributes(); return { ret, 'changed?': r.changed_p(), attrs: r.attributes() }; },
  'dirty.after_save': async ({ Item }) => {
    const r = await Item.find('i1'); r.name = 'Apricot'; r.qty = 11; await r.save();
    return {
      'changed?': r.changed_p(), saved_changes: r.saved_changes(), previous_changes: r.previous_changes(),
      'sctn?': r.saved_change_to_attribute_p('name'), sctn_from: r.saved_change_to_attribute_p('name', { from: 'Apple' }),
      sctn_wrong: r.saved_change_to_attribute_p('name', { to: 'Zed' }), sct_qty: r.saved_change_to_attribute('qty'),
      sct_cat: r.saved_change_to_attribute('category'), before_last_save: r.attribute_before_last_save('name'),
      before_last_save_unchanged: r.attribute_before_last_save('category'),
      prev_changed: r.attribute_previously_changed_p('name'), prev_was: r.attribute_previously_was('name'),
      prev_was_unchanged: r.attribute_previously_was('category'),
      wsc: r.will_save_change_to_attribute_p('name'),
    };
  },
  'dirty.save_nothing': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'A2'; await r.save(); const s = await r.save(); return { s, saved: r.saved_changes(), before: r.attribute_before_last_save('name') }; },
  'dirty.fresh_before_last_save': async ({ Item }) => {
    const r = await Item.find('i1');
    return { blw: r.attribute_before_last_save('name'), saved: r.saved_changes(), 'sct?': r.saved_change_to_attribute_p('name'), sct: r.saved_change_to_attribute('name') };
  },
  'dirty.reload_clears': async ({ Item }) => { const r = await Item.find('i1'); await r.update({ name: 'Z' }); await r.reload(); return { saved: r.saved_changes(), changed: r.changed_p(), blw: r.attribute_before_last_save('name') }; },
  'dirty.cast_assign_attributes': async ({ Item }) => { const r = await Item.find('i1'); r.assign_attributes({ qty: raw('10'), price: raw('1.5') }); return { 'changed?': r.changed_p(), qty: r.qty, price: r.price }; },
  'dirty.cast_plain_assign': async ({ Item }) => { const r = await Item.find('i1'); r.qty = raw('10'); return { 'changed?': r.changed_p(), qty: r.qty }; },
  'dirty.empty_to_nil': async ({ Item }) => { const r = await Item.find('i1'); r.assign_attributes({ qty: raw('') }); return { changes: r.changes(), qty: r.qty }; },
  'dirty.bool_cast': async ({ Item }) => { const r = await Item.find('i1'); r.assign_attributes({ active: raw('0') }); return { active: r.active, changes: r.changes() }; },
  'dirty.bool_cast_true': async ({ Item }) => { const r = await Item.find('i2'); r.assign_attributes({ active: raw('true') }); return { active: r.active, changes: r.changes() }; },
  'dirty.int_cast_float': async ({ Item }) => { const r = await Item.find('i1'); r.assign_attributes({ qty: raw('7.9') }); return { qty: r.qty, changes: r.changes() }; },
  'dirty.string_cast_number': async ({ Item }) => { const r = await Item.find('i1'); r.assign_attributes({ code: raw(42) }); return { code: r.code, changes: r.changes() }; },
  'dirty.new_record': ({ Item }) => { const r = Item.new({ id: 'n1', name: 'New' }); return { changes: r.changes(), changed: r.changed(), was: r.attribute_was('name'), new: r.new_record_p() }; },
  'dirty.after_create': async ({ Item }) => {
    const r = await Item.create_bang({ id: 'n1', name: 'New', qty: 3 });
    return { prev: r.previous_changes(), 'saved?': r.saved_change_to_attribute_p('id'), blw: r.attribute_before_last_save('name'), prev_new: r.previously_new_record_p(), 'changed?': r.changed_p() };
  },
  'dirty.update_column_keeps_others': async ({ Item }) => {
    const r = await Item.find('i1'); r.name = 'X'; const ret = await r.update_column('qty', 50);
    const db = await Item.find('i1');
    return { ret, changes: r.changes(), qty: r.qty, db: { name: db.name, qty: db.qty }, saved: r.saved_changes() };
  },
  'dirty.changed_attributes': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'X'; return send(r, 'changed_attributes'); },
  'dirty.two_saves': async ({ Item }) => {
    const r = await Item.find('i1');
    await r.update_bang({ name: 'B' });
    await r.update_bang({ qty: 1 });
    return { prev: r.previous_changes(), blw_name: r.attribute_before_last_save('name'), sct_name: r.saved_change_to_attribute_p('name') };
  },
  'dirty.toggle': async ({ Item }) => { const r = await Item.find('i1'); const ret = r.toggle('active'); return { same: ret === r, active: r.active, changes: r.changes() }; },
  'dirty.toggle_nil': async ({ Item }) => { const r = await Item.find('i4'); r.toggle('active'); return { active: r.active, changes: r.changes() }; },
  'dirty.increment_nil': async ({ Item }) => { const r = await Item.find('i3'); r.increment('qty'); return { qty: r.qty, changes: r.changes() }; },
  'dirty.decrement_by': async ({ Item }) => { const r = await Item.find('i1'); r.decrement('qty', 3); return { qty: r.qty, changes: r.changes() }; },
  'dirty.changes_after_failed_save_then_success': async ({ VPresence }) => {
    const r = await VPresence.create_bang({ id: 'x1', name: 'a' }); r.name = ''; await r.save(); r.name = 'b'; await r.save();
    return { saved: r.saved_changes(), 'changed?': r.changed_p() };
  },

  // ---------------- persistence
  'p.lifecycle': async ({ Item }) => {
    const r = Item.new({ id: 'n1', name: 'N' });
    const s: unknown[] = [];
    s.push([r.new_record_p(), r.persisted_p(), r.destroyed_p()]);
    await r.save_bang();
    s.push([r.new_record_p(), r.persisted_p(), r.destroyed_p()]);
    const ret = await r.destroy();
    s.push([r.new_record_p(), r.persisted_p(), r.destroyed_p(), ret === r, Object.isFrozen(r)]);
    s.push(await Item.exists_p('n1'));
    return s;
  },
  'p.assign_after_destroy': async ({ Item }) => { const r = await Item.find('i1'); await r.destroy(); r.name = 'x'; return 'no error'; },
  'p.save_after_destroy': async ({ Item }) => { const r = await Item.find('i1'); await r.destroy(); return r.save(); },
  'p.save_bang_after_destroy': async ({ Item }) => { const r = await Item.find('i1'); await r.destroy(); return r.save_bang(); },
  'p.destroy_new': async ({ Item }) => { const r = Item.new({ id: 'n1', name: 'N' }); const ret = await r.destroy(); return [ret === r, r.new_record_p(), r.destroyed_p(), r.persisted_p()]; },
  'p.destroy_bang': async ({ Item }) => { const r = await Item.find('i1'); const ret = await r.destroy_bang(); return [ret === r, r.destroyed_p(), await Item.count()]; },
  'p.update_columns_new': ({ Item }) => Item.new({ id: 'n1', name: 'N' }).update_columns({ name: 'x' }),
  'p.update_columns_destroyed': async ({ Item }) => { const r = await Item.find('i1'); await r.destroy(); return r.update_columns({ name: 'x' }); },
  'p.update_columns_empty': async ({ Item }) => (await Item.find('i1')).update_columns({}),
  'p.update_columns': async ({ Item }) => { const r = await Item.find('i1'); const ret = await r.update_columns({ name: 'Z', qty: 4 }); return [ret, r.name, r.qty, r.changed_p(), r.saved_changes(), (await Item.find('i1')).attributes()]; },
  'p.update_column_skips_validation': async ({ VPresence }) => {
    const r = await VPresence.create_bang({ id: 'x1', name: 'ok' });
    const ret = await r.update_column('name', '');
    return [ret, (await VPresence.find('x1')).name, r.valid_p()];
  },
  'p.reload_after_update_all': async ({ Item }) => { const r = await Item.find('i1'); await Item.where({ id: 'i1' }).update_all({ name: 'Zed' }); r.name = 'local'; const ret = await r.reload(); return [ret === r, r.name, r.changed_p()]; },
  'p.reload_destroyed': async ({ Item }) => { const r = await Item.find('i1'); await Item.where({ id: 'i1' }).delete_all(); return r.reload(); },
  'p.toggle_bang': async ({ Item }) => { const r = await Item.find('i1'); const ret = await r.toggle_bang('active'); return [ret, r.active, (await Item.find('i1')).active, r.changed_p(), r.saved_changes()]; },
  'p.increment_bang': async ({ Item }) => { const r = await Item.find('i1'); const ret = await r.increment_bang('qty', 5); return [ret === r, r.qty, (await Item.find('i1')).qty, r.changed_p()]; },
  'p.decrement_bang_nil': async ({ Item }) => { const r = await Item.find('i3'); await r.decrement_bang('qty'); return [r.qty, (await Item.find('i3')).qty]; },
  'p.increment_unknown': async ({ Item }) => (await Item.find('i1')).increment(raw('nope')),
  'p.create_returns': async ({ Item }) => { const r = await Item.create({ id: 'n1', name: 'N', qty: raw('3') }); return [r.persisted_p(), r.qty, (await Item.find('n1')).qty]; },
  'p.create_array': async ({ Item }) => { const rs = await Item.create([{ id: 'n1', name: 'A' }, { id: 'n2', name: 'B' }]); return [rs.map((r) => r.id), await Item.count()]; },
  'p.class_update': async ({ Item }) => { const r = await Item.update('i1', { name: 'Upd' }); return [r.name, r.saved_changes(), (await Item.find('i1')).name]; },
  'p.class_update_missing': ({ Item }) => Item.update('zz', { name: 'x' }),
  'p.class_destroy': async ({ Item }) => { const r = await Item.destroy('i1'); return [r.destroyed_p(), r.id, await Item.count()]; },
  'p.class_destroy_missing': ({ Item }) => Item.destroy('zz'),
  'p.duplicate_id': ({ Item }) => Item.create_bang({ id: 'i1', name: 'dup' }),
  'p.touch_new': ({ Item }) => Item.new({ id: 'n1', name: 'x' }).touch(),
  'p.unknown_attr_assign': async ({ Item }) => (await Item.find('i1')).assign_attributes(raw({ colour: 'red' })),
  'p.unknown_attr_new': ({ Item }) => Item.new(raw({ colour: 'red' })),
  'p.unknown_attr_update': async ({ Item }) => (await Item.find('i1')).update(raw({ colour: 'red' })),
  'p.assign_non_hash': async ({ Item }) => (await Item.find('i1')).assign_attributes(raw('x')),
  'p.update_returns': async ({ Item }) => { const r = await Item.find('i1'); return [await r.update_bang({ name: 'U' }), await r.update({ name: 'U' }), await r.update({ name: 'V' })]; },
  'p.save_unchanged': async ({ Item }) => { const r = await Item.find('i1'); return [await r.save(), r.saved_changes()]; },
  'p.failed_save_keeps_changes': async ({ VPresence }) => { const r = await VPresence.create_bang({ id: 'x1', name: 'a' }); r.name = ''; const s = await r.save(); return [s, r.changes(), r.attribute_was('name')]; },
  'p.new_defaults': ({ Item }) => Item.new().attributes(),
  'p.update_attribute': async ({ VPresence }) => { const r = await VPresence.create_bang({ id: 'x1', name: 'ok' }); const ret = await send(r, 'update_attribute', 'name', ''); return [ret, (await VPresence.find('x1')).name]; },
  'p.delete': async ({ Item }) => { const r = await Item.find('i1'); const ret = await send(r, 'delete'); return [ret === r, r.destroyed_p(), await Item.count()]; },
  'p.class_delete': async ({ Item }) => [await send(Item, 'delete', 'i1'), await Item.count()],

  // ---------------- attribute API
  'a.attributes': async ({ Item }) => (await Item.find('i1')).attributes(),
  'a.attribute_names': async ({ Item }) => (await Item.find('i1')).attribute_names(),
  'a.has_attribute': async ({ Item }) => { const r = await Item.find('i1'); return [r.has_attribute_p('name'), r.has_attribute_p('nope')]; },
  'a.attribute_present': async ({ Item }) => {
    const r = await Item.find('i2');
    r.name = '  ';
    return [r.attribute_present_p('name'), r.attribute_present_p('code'), r.attribute_present_p('active'), r.attribute_present_p('qty'), r.attribute_present_p('nope')];
  },
  'a.read_attribute': async ({ Item }) => { const r = await Item.find('i1'); return [r.read_attribute('name'), r.read_attribute(raw('nope')), r.read_attribute('qty')]; },
  'a.write_attribute': async ({ Item }) => { const r = await Item.find('i1'); send(r, 'write_attribute', 'name', 'W'); return [r.name, r.changes()]; },
  'a.bracket': async ({ Item }) => { const r = await Item.find('i1'); r['name'] = 'W'; return [r['name'], r.changes()]; },
  'a.to_param': async ({ Item }) => [send(await Item.find('i1'), 'to_param'), send(Item.new(), 'to_param')],
  'a.to_key': async ({ Item }) => [send(await Item.find('i1'), 'to_key'), send(Item.new(), 'to_key')],
  'a.inspect': async ({ Item }) => send(await Item.find('i1'), 'inspect'),
  'a.dup': async ({ Item }) => { const r = send(await Item.find('i1'), 'dup'); return [send(r, 'new_record_p'), read(r, 'id'), read(r, 'name'), send(r, 'changes')]; },
  'a.as_json': async ({ Item }) => (await Item.find('i1')).toJSON(),
  'a.frozen_destroyed_error': async ({ Item }) => { const r = await Item.find('i1'); await r.destroy(); r.name = 'x'; return 'no error'; },

  // ---------------- finders
  'f.find': ({ Item }) => Item.find('i1'),
  'f.find_missing': ({ Item }) => Item.find('zz'),
  'f.find_array': async ({ Item }) => (await Item.find(['i3', 'i1'])).map((r) => r.id),
  'f.find_array_missing': ({ Item }) => Item.find(['i1', 'zz', 'yy']),
  'f.find_varargs': async ({ Item }) => (await Item.find('i2', 'i1')).map((r) => r.id),
  'f.find_single_array': async ({ Item }) => (await Item.find(['i1'])).map((r) => r.id),
  'f.find_empty_array': ({ Item }) => Item.find([]),
  'f.find_nil': ({ Item }) => Item.find(null),
  'f.find_no_args': ({ Item }) => Item.find(),
  'f.find_where_scoped': ({ Item }) => Item.where({ category: 'veg' }).find('i1'),
  'f.find_ordered_array': async ({ Item }) => (await Item.order({ position: 'desc' }).find(['i1', 'i2', 'i3'])).map((r) => r.id),
  'f.find_by': async ({ Item }) => [idOf(await Item.find_by({ name: 'Apple' })), await Item.find_by({ name: 'zz' })],
  'f.find_by_bang': ({ Item }) => Item.find_by_bang({ name: 'zz' }),
  'f.find_by_nil': async ({ Item }) => idOf(await Item.find_by({ category: null })),
  'f.first_last': async ({ Item }) => [idOf(await Item.first()), idOf(await Item.last()), await ids(Item.first(2)), await ids(Item.last(2)), idOf(await Item.take()), await ids(Item.take(2))],
  'f.ordinals': async ({ Item }) => [idOf(await Item.second()), idOf(await Item.third()), idOf(await Item.fourth()), idOf(await Item.fifth()), await Item.forty_two(), idOf(await Item.third_to_last()), idOf(await Item.second_to_last())],
  'f.ordinals_ordered': async ({ Item }) => { const r = Item.order('position'); return [idOf(await r.first()), idOf(await r.second()), idOf(await r.last()), idOf(await r.second_to_last()), idOf(await r.third_to_last())]; },
  'f.ordinals_offset_limit': async ({ Item }) => {
    const r = Item.order('id').offset(1).limit(3);
    return [idOf(await r.first()), idOf(await r.second()), idOf(await r.third()), await r.fourth(), idOf(await r.last()), idOf(await r.second_to_last())];
  },
  'f.order_desc_nulls': async ({ Item }) => [idOf(await Item.order({ price: 'desc' }).first()), idOf(await Item.order('price').first()), idOf(await Item.order({ price: 'desc' }).last())],
  'f.order_string': ({ Item }) => ids(Item.order('name desc')),
  'f.order_multi': ({ Item }) => ids(Item.order({ category: 'asc', name: 'desc' })),
  'f.order_case': ({ Item }) => ids(Item.order('name')),
  'f.first_bang_none': ({ Item }) => Item.where({ name: 'zz' }).first_bang(),
  'f.last_bang_none': ({ Item }) => Item.none().last_bang(),
  'f.take_bang_none': ({ Item }) => Item.where({ name: 'zz' }).take_bang(),
  'f.second_bang_none': ({ Item }) => Item.where({ id: 'i1' }).second_bang(),
  'f.sole': async ({ Item }) => idOf(await Item.where({ name: 'Apple' }).sole()),
  'f.sole_none': ({ Item }) => Item.where({ name: 'zz' }).sole(),
  'f.sole_many': ({ Item }) => Item.where({ category: 'fruit' }).sole(),
  'f.find_sole_by': async ({ Item }) => idOf(await Item.find_sole_by({ category: 'veg' })),
  'f.find_sole_by_many': ({ Item }) => Item.find_sole_by({ category: 'fruit' }),
  'f.find_sole_by_none': ({ Item }) => Item.find_sole_by({ category: 'zz' }),
  'f.exists': async ({ Item }) => [
    await Item.exists_p(),
    await Item.exists_p('i1'),
    await Item.exists_p('zz'),
    await Item.exists_p({ name: 'Apple' }),
    await Item.exists_p({ name: 'zz' }),
    await Item.where({ category: 'veg' }).exists_p(),
    await Item.none().exists_p(),
    await Item.exists_p(false),
    await Item.where({ category: 'veg' }).exists_p('i1'),
  ],
  'f.none': async ({ Item }) => { const n = Item.none(); return [await n, await n.count(), await n.pluck('id'), await n.sum('qty'), await n.exists_p(), await n.first(), await n.where({ id: 'i1' })]; },
  'f.where_not': async ({ Item }) => [await ids(Item.not({ category: 'fruit' })), await ids(Item.not({ category: null })), await ids(Item.not({ category: 'fruit', active: true }))],
  'f.or': ({ Item }) => ids(Item.where({ category: 'veg' }).or(Item.where({ qty: 5 }))),
  'f.rewhere': ({ Item }) => ids(Item.where({ category: 'fruit' }).rewhere({ category: 'veg' })),
  'f.unscope_where': async ({ Item }) => [await Item.where({ category: 'fruit' }).unscope('where').count(), await ids(Item.where({ category: 'fruit', active: true }).unscope({ where: 'category' }))],
  'f.reorder': ({ Item }) => ids(Item.order('name').reorder('position')),
  'f.reverse_order': async ({ Item }) => [await ids(Item.all().reverse_order()), await ids(Item.order('position').reverse_order()), await ids(Item.order('category').order('name').reverse_order())],
  'f.limit_offset': async ({ Item }) => [await ids(Item.order('id').limit(2).offset(1)), await ids(Item.order('id').offset(4)), await ids(Item.limit(0))],
  'f.distinct_pluck': ({ Item }) => Item.distinct().order('category').pluck('category'),
  'f.where_in': async ({ Item }) => [await ids(Item.where({ id: [] })), await ids(Item.where({ category: ['veg', null] })), await ids(Item.where({ id: ['i2', 'i1'] }))],
  'f.where_range': async ({ Item }) => [await ids(Item.where({ qty: { gte: 5, lte: 12 } })), await ids(Item.where({ qty: { gte: 5, lt: 12 } })), await ids(Item.where({ qty: { gte: 10 } })), await ids(Item.where({ price: { lte: 1.5 } }))],
  'f.last_limited': async ({ Item }) => idOf(await Item.order('id').limit(3).last()),
  'f.first_0': ({ Item }) => Item.first(0),
  'f.where_bool': async ({ Item }) => [await ids(Item.where({ active: false })), await ids(Item.where({ active: null }))],
  'f.find_or_create_existing': async ({ Item }) => { const r = await Item.find_or_create_by({ name: 'Apple' }); return [r.id, await Item.count()]; },
  'f.find_or_create_new': async ({ Item }) => { const r = await Item.find_or_create_by({ id: 'n1', name: 'New' }); return [r.persisted_p(), r.name, await Item.count()]; },
  'f.find_or_initialize': async ({ Item }) => { const r = await Item.find_or_initialize_by({ id: 'n1', name: 'Zed' }); return [r.new_record_p(), r.name, r.changes(), await Item.count()]; },
  'f.create_with': async ({ Item }) => { const r = await Item.create_with({ category: 'x' }).find_or_create_by({ id: 'n2', name: 'Z' }); return [r.category, r.persisted_p()]; },
  'f.where_init': async ({ Item }) => { const r = await Item.where({ category: 'fruit' }).find_or_initialize_by({ id: 'n3', name: 'Kiwi' }); return [r.category, r.new_record_p()]; },
  'f.where_new': ({ Item }) => [Item.where({ category: 'veg' }).new().category, Item.where({ category: 'veg', active: true }).new({ name: 'x' }).attributes()],
  'f.first_or_initialize': async ({ Item }) => { const r = await Item.where({ name: 'zz' }).first_or_initialize({ id: 'n4' }); return [r.name, r.id, r.new_record_p()]; },
  'f.find_or_create_bang_invalid': ({ VPresence }) => VPresence.find_or_create_by_bang({ id: 'x9' }),
  'f.find_or_create_invalid': async ({ VPresence }) => { const r = await VPresence.find_or_create_by({ id: 'x9' }); return [r.new_record_p(), r.errors.full_messages()]; },
  'f.include': async ({ Item }) => { const r = await Item.find('i1'); return [await Item.where({ category: 'fruit' }).include_p(r), await Item.where({ category: 'veg' }).include_p(r)]; },

  // ---------------- calculations
  'c.count': async ({ Item }) => [
    await Item.count(),
    await Item.count('price'),
    await Item.count('qty'),
    await Item.where({ category: 'fruit' }).count(),
    await Item.distinct().count('category'),
    await Item.limit(2).count(),
    await Item.none().count(),
  ],
  'c.sum': async ({ Item }) => [await Item.sum('qty'), await Item.sum('price'), await Item.where({ id: 'zz' }).sum('qty'), await Item.where({ id: 'i3' }).sum('qty')],
  'c.average': async ({ Item }) => [await Item.average('qty'), await Item.average('price'), await Item.where({ id: 'zz' }).average('qty'), await Item.where({ id: 'i4' }).average('price')],
  'c.min_max': async ({ Item }) => [
    await Item.minimum('qty'),
    await Item.maximum('qty'),
    await Item.minimum('price'),
    await Item.maximum('price'),
    await Item.where({ id: 'zz' }).maximum('qty'),
    await Item.maximum('name'),
    await Item.minimum('name'),
    await Item.minimum('category'),
  ],
  'c.group_count': ({ Item }) => Item.group('category').count(),
  'c.group_sum': ({ Item }) => Item.group('category').sum('qty'),
  'c.group_avg': ({ Item }) => Item.group('category').average('price'),
  'c.group_max': ({ Item }) => Item.group('active').maximum('qty'),
  'c.group_multi': ({ Item }) => Item.group('category', 'active').count(),
  'c.pluck': async ({ Item }) => [await Item.order('position').pluck('name'), await Item.order('id').pluck('id', 'qty'), await Item.where({ id: 'zz' }).pluck('name')],
  'c.pick': async ({ Item }) => [await Item.order('position').pick('name'), await Item.where({ id: 'zz' }).pick('name'), await Item.order('id').pick('id', 'price')],
  'c.ids': async ({ Item }) => [await Item.ids(), await Item.where({ category: 'fruit' }).order({ position: 'desc' }).ids()],
  'c.sum_limit': ({ Item }) => Item.order('id').limit(2).sum('qty'),
  'c.predicates': async ({ Item }) => [
    await Item.any_p(),
    await Item.none_p(),
    await Item.where({ category: 'veg' }).one_p(),
    await Item.where({ category: 'fruit' }).many_p(),
    await Item.where({ id: 'zz' }).any_p(),
    await Item.where({ category: 'fruit' }).one_p(),
  ],
  'c.average_int': ({ Item }) => Item.where({ id: ['i1', 'i2'] }).average('qty'),
  'c.sum_string': ({ Item }) => Item.sum('name'),
  'c.count_unknown': ({ Item }) => Item.count('nope'),

  // ---------------- batches & bulk writes
  'b.find_each': ({ Item }) => collect(Item.find_each({ batch_size: 2 }), (r) => r.id),
  'b.find_each_start': ({ Item }) => collect(Item.find_each({ batch_size: 2, start: 'i3' }), (r) => r.id),
  'b.find_each_finish': ({ Item }) => collect(Item.find_each({ batch_size: 2, finish: 'i3' }), (r) => r.id),
  'b.find_in_batches': ({ Item }) => collect(Item.find_in_batches({ batch_size: 4 }), (b) => b.map((r) => r.id)),
  'b.in_batches': async ({ Item }) => { const a: unknown[][] = []; await Item.in_batches({ of: 2 }).each(async (rel) => { a.push(await rel.pluck('id')); }); return a; },
  'b.in_batches_update_all': async ({ Item }) => [await Item.in_batches({ of: 4 }).update_all({ active: true }), await Item.where({ active: true }).count()],
  'b.find_each_where': ({ Item }) => collect(Item.where({ category: 'fruit' }).find_each({ batch_size: 1 }), (r) => r.id),
  'b.find_each_desc': ({ Item }) => collect(Item.find_each({ batch_size: 2, order: 'desc' }), (r) => r.id),
  'w.update_all': async ({ Item }) => [await Item.where({ category: 'fruit' }).update_all({ qty: 0 }), await Item.where({ qty: 0 }).count()],
  'w.delete_all': async ({ Item }) => [await Item.where({ category: 'fruit' }).delete_all(), await Item.count()],
  'w.destroy_all': async ({ Item }) => { const rs = await Item.where({ category: 'fruit' }).destroy_all(); return [rs.map((r) => r.id), rs.map((r) => r.destroyed_p()), await Item.count()]; },
  'w.delete_by': async ({ Item }) => [await Item.delete_by({ category: 'veg' }), await Item.count()],
  'w.update_all_empty': ({ Item }) => Item.update_all({}),

  // ---------------- enums
  'e.mapping': ({ Post }) => [Post.statuses, Post.kinds],
  'e.predicates': async ({ Post }) => { const p = await Post.find('p1'); return [p.draft_p(), p.published_p(), p.status, p.kind_short_p(), p.kind_long_p()]; },
  'e.int_read': async ({ Post }) => (await Post.find('p2')).kind,
  'e.bang': async ({ Post }) => { const p = await Post.find('p1'); const ret = await p.published_bang(); return [ret, p.status, (await Post.find('p1')).status, p.saved_changes()]; },
  'e.scopes': async ({ Post }) => [await ids(Post.published()), await ids(Post.not_published()), await ids(Post.kind_long()), await ids(Post.not_kind_long()), await Post.draft().count()],
  'e.invalid': async ({ Post }) => { const p = await Post.find('p1'); p.status = 'paused'; return p.save(); },
  'e.invalid_new': ({ Post }) => Post.new({ status: 'paused' }),
  'e.invalid_update': async ({ Post }) => (await Post.find('p1')).update({ status: 'bogus' }),
  'e.invalid_int': ({ Post }) => Post.new({ kind: 7 }),
  'e.where_label': async ({ Post }) => [await ids(Post.where({ status: 'published' })), await ids(Post.where({ kind: 'long' })), await ids(Post.where({ status: 'paused' }))],
  'e.changes': async ({ Post }) => { const p = await Post.find('p1'); p.status = 'archived'; return [p.changes(), p.attribute_changed_p('status', { from: 'draft', to: 'archived' })]; },
  'e.suffix': async ({ PostS }) => { const p = await PostS.find('p1'); return [p.draft_status_p(), p.published_status_p(), await ids(PostS.draft_status())]; },
  'e.blank_assign': async ({ Post }) => { const p = await Post.find('p1'); p.assign_attributes({ status: '' }); return [p.status, p.changes()]; },
  'e.create_label': async ({ Post }) => { const p = await Post.create_bang({ id: 'p9', title: 'x', status: 'archived' }); return [p.status, (await Post.find('p9')).status]; },
  'e.int_label_assign': async ({ Post }) => { const p = await Post.find('p1'); p.assign_attributes({ kind: raw('long') }); return [p.kind_long_p(), p.changed_p(), await p.save(), await Post.where({ kind: 1 }).count()]; },

  // ================= second round, each area again (v2, d2, p2, f2, c2, b2, e2, m2)
  'v2.errors_add_symbol': ({ VPresence }) => { const r = VPresence.new({ name: 'x' }); r.errors.add('name', 'invalid'); return r.errors.full_messages(); },
  'v2.no_validations_valid': ({ Item }) => { const r = Item.new(); return [r.valid_p(), r.errors.full_messages()]; },
  'v2.save_string_number_prop': async ({ VNum }) => { const r = await VNum.create_bang({ id: 'x1', age: 1 }); r.age = raw('12'); return [await r.save(), (await VNum.find('x1')).age, r.age]; },
  'v2.save_abc_number_prop': async ({ VNum }) => { const r = await VNum.create_bang({ id: 'x1', age: 1 }); r.age = raw('abc'); return [await r.save(), r.errors.full_messages(), (await VNum.find('x1')).age]; },
  'v2.save_abc_no_validation': async ({ Item }) => { const r = await Item.find('i1'); r.qty = raw('abc'); return [await r.save(), (await Item.find('i1')).qty]; },
  'v2.errors_cleared_after_good_save': async ({ VPresence }) => { const r = VPresence.new({ id: 'x1' }); await r.save(); r.name = 'ok'; return [await r.save(), r.errors.full_messages(), r.errors.empty_p()]; },
  'd2.increment_bang_keeps_other_changes': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'X'; await r.increment_bang('qty'); return [r.changes(), slice(await Item.find('i1'), 'name', 'qty')]; },
  'd2.toggle_bang_saves_all': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'X'; await r.toggle_bang('active'); return [r.changed_p(), slice(await Item.find('i1'), 'name', 'active')]; },
  'd2.toggle_bang_invalid_record': async ({ VPresence }) => {
    await VPresence.new({ id: 'x1', name: '' }).save({ validate: false });
    const r = await VPresence.find('x1');
    return [await r.toggle_bang('flag'), (await VPresence.find('x1')).flag];
  },
  'd2.update_column_same_col_pending': async ({ Item }) => { const r = await Item.find('i1'); r.qty = 77; await r.update_column('qty', 50); return [r.qty, r.changes(), r.changed_p()]; },
  'd2.will_save_to': async ({ Item }) => {
    const r = await Item.find('i1');
    r.name = 'X';
    return [r.will_save_change_to_attribute_p('name', { to: 'X' }), r.will_save_change_to_attribute_p('name', { from: 'Apple' }), r.will_save_change_to_attribute_p('name', { to: 'Y' })];
  },
  'd2.new_record_from_nil': ({ Item }) => { const r = Item.new({ name: 'x' }); return [r.attribute_changed_p('name', { from: null }), r.attribute_changed_p('qty'), r.changed()]; },
  'd2.noop_update': async ({ Item }) => { const r = await Item.find('i1'); await r.update({ name: 'Z' }); await r.update({ name: 'Z' }); return [r.saved_changes(), r.attribute_before_last_save('name')]; },
  'd2.saved_after_update_columns': async ({ Item }) => { const r = await Item.find('i1'); await r.update_bang({ name: 'B' }); await r.update_columns({ qty: 3 }); return [r.saved_changes(), r.saved_change_to_attribute_p('name')]; },
  'd2.create_then_update_prev': async ({ Item }) => { const r = await Item.create_bang({ id: 'n1', name: 'A' }); await r.update_bang({ name: 'B' }); return [r.previous_changes(), r.previously_new_record_p()]; },
  'd2.float_change_equiv': async ({ Item }) => { const r = await Item.find('i3'); r.price = 2; return [r.changed_p(), r.changes()]; },
  'd2.restore_returns_unchanged_names': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'X'; return r.restore_attributes(['name', 'qty']); },
  'd2.previously_persisted': async ({ Item }) => { const r = await Item.find('i1'); await r.destroy(); return r.previously_persisted_p(); },
  'p2.create_or_find_existing': async ({ Item }) => { const r = await Item.create_or_find_by({ id: 'i1' }); return [r.id, r.name, r.persisted_p()]; },
  'p2.create_or_find_new': async ({ Item }) => { const r = await Item.create_or_find_by({ id: 'n1', name: 'N' }); return [r.id, r.persisted_p(), await Item.count()]; },
  'p2.create_or_find_conflict_mismatch': ({ Item }) => Item.create_or_find_by_bang({ id: 'i1', name: 'Other' }),
  'p2.first_or_create': async ({ Item }) => { const r = await Item.where({ category: 'zz' }).first_or_create({ id: 'n1', name: 'N' }); return [r.category, r.persisted_p(), await Item.count()]; },
  'p2.first_or_create_existing': async ({ Item }) => { const r = await Item.where({ category: 'fruit' }).first_or_create({ id: 'n1', name: 'N' }); return [r.id, await Item.count()]; },
  'p2.build_alias': ({ Item }) => { const r = Item.where({ category: 'veg' }).build({ name: 'b' }); return [r.category, r.name, r.new_record_p()]; },
  'p2.create_array_with_invalid': async ({ VPresence }) => { const rs = await VPresence.create([{ id: 'x1', name: 'a' }, { id: 'x2' }]); return [rs.map((r) => r.persisted_p()), await VPresence.count()]; },
  'p2.destroy_by': async ({ Item }) => { const rs = await Item.destroy_by({ category: 'veg' }); return [rs.map((r) => r.id), rs.map((r) => r.destroyed_p()), await Item.count()]; },
  'p2.update_noop_true': async ({ Item }) => { const r = await Item.find('i1'); return [await r.update({}), r.saved_changes()]; },
  'p2.save_new_then_find': async ({ Item }) => { const r = Item.new({ id: 'n1', name: 'N', qty: 2 }); await r.save(); return (await Item.find('n1')).attributes(); },
  'p2.update_class_multiple_attrs': async ({ Item }) => { const r = await Item.update('i2', { qty: 3, active: true }); return [r.qty, r.active, r.changed_p()]; },
  'p2.destroy_twice': async ({ Item }) => { const r = await Item.find('i1'); await r.destroy(); const ret = await r.destroy(); return [ret === r, await Item.count()]; },
  'f2.or_incompatible_order': ({ Item }) => Item.where({ name: 'Apple' }).or(Item.order('name')),
  'f2.or_incompatible_limit': ({ Item }) => Item.where({ name: 'Apple' }).limit(1).or(Item.where({ name: 'Fig' })),
  'f2.where_not_empty': ({ Item }) => ids(Item.not({ id: [] })),
  'f2.where_not_in_with_nil': ({ Item }) => ids(Item.not({ category: ['fruit', null] })),
  'f2.where_not_in': ({ Item }) => ids(Item.not({ category: ['fruit'] })),
  'f2.or_nil': ({ Item }) => ids(Item.where({ qty: null }).or(Item.where({ qty: 1 }))),
  'f2.limit_last': async ({ Item }) => idOf(await Item.limit(2).last()),
  'f2.limit_first_n': ({ Item }) => ids(Item.limit(2).first(3)),
  'f2.offset_first': async ({ Item }) => idOf(await Item.offset(2).first()),
  'f2.order_last_nulls': async ({ Item }) => [idOf(await Item.order('qty').last()), await ids(Item.order({ qty: 'desc' }).first(3)), idOf(await Item.order('qty').first())],
  'f2.where_last_n': ({ Item }) => ids(Item.where({ category: 'fruit' }).last(2)),
  'f2.unscope_order_limit': async ({ Item }) => [await ids(Item.order('name').unscope('order')), await ids(Item.limit(1).unscope('limit'))],
  'f2.reverse_first': async ({ Item }) => idOf(await Item.order('position').reverse_order().first()),
  'f2.take_many': ({ Item }) => ids(Item.take(10)),
  'f2.forty_two_bang': ({ Item }) => Item.forty_two_bang(),
  'f2.find_by_multi': async ({ Item }) => [idOf(await Item.find_by({ category: 'fruit', active: false })), idOf(await Item.find_by({ id: ['i3', 'i2'] }))],
  'f2.find_by_order': async ({ Item }) => idOf(await Item.order('position').find_by({ category: 'fruit' })),
  'f2.exists_array_ids': async ({ Item }) => [await Item.where({ id: 'i1' }).exists_p('i2'), await Item.exists_p(['i1', 'i2']).catch(() => 'err')],
  'f2.none_or': ({ Item }) => ids(Item.none().or(Item.where({ id: 'i1' }))),
  'f2.where_chain_same_col': ({ Item }) => ids(Item.where({ category: 'fruit' }).where({ category: 'veg' })),
  'f2.find_string_on_limited': ({ Item }) => Item.order('id').limit(1).find('i3'),
  'f2.first_n_ordered': async ({ Item }) => [await ids(Item.order('name').first(3)), await ids(Item.order('name').last(3))],
  'c2.group_min_name': ({ Item }) => Item.group('category').minimum('name'),
  'c2.where_group_sum': ({ Item }) => Item.where({ category: 'fruit' }).group('active').sum('price'),
  'c2.distinct_pluck_multi': ({ Item }) => Item.distinct().order('category').order('active').pluck('category', 'active'),
  'c2.distinct_count_all': ({ Item }) => Item.distinct().count(),
  'c2.max_bool': async ({ Item }) => [await Item.maximum('active'), await Item.minimum('active')],
  'c2.offset_count': async ({ Item }) => [await Item.offset(4).count(), await Item.order('id').offset(4).count()],
  'c2.limit_pluck': async ({ Item }) => [await Item.order('id').limit(3).pluck('id'), await Item.order('name').limit(2).pick('name')],
  'c2.average_limit': ({ Item }) => Item.order('id').limit(2).average('qty'),
  'c2.min_limit': ({ Item }) => Item.order('id').limit(2).minimum('qty'),
  'c2.count_distinct_col_limit': ({ Item }) => Item.order('id').limit(3).distinct().count('category'),
  'c2.sum_distinct': ({ Item }) => Item.distinct().sum('qty'),
  'c2.group_count_limit': ({ Item }) => send(send(Item.group('category'), 'limit', 2), 'count'),
  'c2.pluck_distinct_nulls': async ({ Item }) => (await Item.distinct().pluck('active')).sort((a, b) => String(a ?? '').localeCompare(String(b ?? ''))),
  'b2.find_each_limit': ({ Item }) => collect(Item.limit(3).find_each({ batch_size: 2 }), (r) => r.id),
  'b2.find_each_ordered': ({ Item }) => collect(Item.order('name').find_each({ batch_size: 4 }), (r) => r.id),
  'b2.in_batches_delete_all': async ({ Item }) => [await Item.in_batches({ of: 2 }).delete_all(), await Item.count()],
  'b2.find_in_batches_start_finish': ({ Item }) => collect(Item.find_in_batches({ batch_size: 2, start: 'i2', finish: 'i5' }), (b) => b.map((r) => r.id)),
  'e2.not_label': ({ Post }) => ids(Post.not({ status: 'draft' })),
  'e2.bang_same': async ({ Post }) => { const p = await Post.find('p1'); return [await p.draft_bang(), p.saved_changes()]; },
  'e2.new_default': ({ Post }) => { const p = Post.new(); return [p.status, p.draft_p()]; },
  'e2.new_label': ({ Post }) => { const p = Post.new({ status: 'published' }); return [p.published_p(), p.status]; },
  'e2.enum_where_array': ({ Post }) => ids(Post.where({ status: ['draft', 'archived'] })),
  'e2.int_bang': async ({ Post }) => { const p = await Post.find('p1'); await p.kind_long_bang(); return Post.where({ kind: 1 }).count(); },
  'm2.column_names': ({ Item }) => send(Item, 'column_names'),
  'm2.primary_key': ({ Item }) => [send(Item, 'primary_key'), send(Item, 'table_name')],

  // ================= third round
  'c3.sum_distinct_dupes': async ({ Item }) => { await Item.create_bang({ id: 'n1', name: 'x', qty: 10 }); return [await Item.distinct().sum('qty'), await Item.sum('qty'), await Item.distinct().count('qty')]; },
  'c3.distinct_average_dupes': async ({ Item }) => { await Item.create_bang({ id: 'n1', name: 'x', qty: 10 }); return Item.distinct().average('qty'); },
  'p3.create_missing_required': ({ Item }) => Item.create_bang({ id: 'n1' }),
  'f3.string_range': ({ Item }) => ids(Item.where({ name: { gte: 'B', lte: 'E' } })),
  'f3.where_in_nil_mixed': ({ Item }) => ids(Item.where({ code: [null, 'A1'] })),
  'c3.distinct_count_bool': ({ Item }) => Item.distinct().count('active'),
  'c3.pluck_desc_nulls': ({ Item }) => Item.order({ price: 'desc' }).pluck('price'),
  'p3.reload_keeps_errors': async ({ VPresence }) => { await VPresence.create_bang({ id: 'x1', name: 'a' }); const r = await VPresence.find('x1'); r.name = ''; r.valid_p(); await r.reload(); return [r.name, r.errors.full_messages()]; },
  'e3.scope_chain': async ({ Post }) => [await Post.published().or(Post.archived()).count(), await ids(Post.where({ kind: 1 }).published())],
  'p3.increment_negative': async ({ Item }) => { const r = await Item.find('i1'); await r.increment_bang('qty', -4); return [r.qty, (await Item.find('i1')).qty]; },
  'd3.after_destroy': async ({ Item }) => { const r = await Item.find('i1'); r.name = 'X'; await r.destroy(); return [r.changed_p(), r.changes(), r.previous_changes()]; },
  'f3.exists_none_cond': async ({ Item }) => [await Item.none().exists_p('i1'), await Item.where({ category: 'fruit' }).exists_p({ name: 'Carrot' })],
  'd3.toggle_twice': async ({ Item }) => { const r = await Item.find('i1'); r.toggle('active'); r.toggle('active'); return [r.changed_p(), r.changes()]; },
  'f3.find_by_bang_ok': async ({ Item }) => idOf(await Item.find_by_bang({ code: 'C3' })),
  'c3.sum_float_precision': ({ Item }) => Item.where({ id: ['i1', 'i2'] }).sum('price'),
  'f3.order_then_where_pluck': ({ Item }) => Item.where({ active: true }).order({ qty: 'desc' }).pluck('id'),
  'e3.pluck_enum': ({ Post }) => Post.order('id').pluck('status'),


};

// ================= associations (as.*): scenarios.rb's, against models.ts' association models
/** A has_many reader not loaded by `includes`: the relation of the associated model docs/relations.md says it is. */
function many<T extends object>(association: ActiveRelation<T> | readonly T[]): ActiveRelation<T> {
  if (!(association instanceof ActiveRelation)) throw new TypeError('the association is loaded (an array), not a relation');
  return association;
}

/**
 * A relation of `model`'s records (an association's, or what a Rails method the runtime may lack answered), typed as
 * the model's own relations, scopes included: Rails chains a model's scopes through its associations (`client.jobs.active`).
 * A scope the relation lacks throws TypeError when called.
 */
const like = <M extends { all(): unknown }>(_model: M, relation: unknown) => relation as ReturnType<M['all']>;

/** Ruby's `.name` on a reader's answer: nil has no `name` (NoMethodError there, TypeError here). */
function nameOf(record: { readonly name: string } | null): string {
  if (record === null) throw new TypeError("Cannot read properties of null (reading 'name')");
  return record.name;
}

/** Ruby's `.first` of a loaded array (nil when empty: NoMethodError on what follows, TypeError here). */
function firstOf<T>(records: readonly T[]): T {
  const first = records[0];
  if (first === undefined) throw new TypeError('no first record');
  return first;
}

/** Ruby's `destroy.destroyed?`: `false` (a refused destroy) has no `destroyed?`. */
function destroyedOf(result: false | { destroyed_p(): boolean }): boolean {
  if (result === false) throw new TypeError("undefined method `destroyed?' for false");
  return result.destroyed_p();
}

/**
 * A `one` association the record's type does not carry (an associated record's own, a through's), awaited: the record
 * or null, as Rails' reader.
 */
const readOne = async (record: object, name: string) => (await read(record, name)) as { readonly id: string; readonly name: string } | null;

/** A `many` association the record's type does not carry, awaited: the records, as Rails' reader. */
const readMany = async (record: object, name: string) => (await read(record, name)) as readonly { readonly id: string; readonly name: string }[];

/** models.rb's `raised_class`: the class of what `fn` raises, "no error" when nothing. */
async function raisedClass(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'no error';
  } catch (error) {
    return error instanceof Error ? error.constructor.name : typeof error;
  }
}

/** scenarios.rb's `cc_state`: the clients' counts, the owners' and the jobs' client keys. */
const ccState = async ({ Client, Owner, Job }: Models) => [await Client.order('id').pluck('jobs_count'), await Owner.order('id').pluck('jobs_count'), await Job.order('id').pluck('id', 'client_id')];

/** Client c1's has_many of CountedJobs (`jobs`, or as `name` says) as its reader returns it, in an object: an awaited relation would load. */
async function countedJobs(model: Models['ClientCC'], name: 'jobs' | 'counted_jobs' = 'jobs'): Promise<{ readonly jobs: ActiveRelation<{ readonly id: string }> }> {
  return { jobs: many(read(await model.find('c1'), name) as ActiveRelation<{ readonly id: string }>) };
}

/** scenarios.rb's `cc_delete`: c1's delete of its j1, of c2's j3, and of its j2 by key. */
async function ccDelete(m: Models, model: Models['ClientCC']): Promise<unknown> {
  const { jobs } = await countedJobs(model);
  const own = await ids(jobs.delete(await m.CountedJob.find('j1')));
  const others = await ids(jobs.delete(await m.CountedJob.find('j3')));
  return [own, others, await ids(jobs.delete('j2')), await ccState(m)];
}

/** models.rb's `fresh`: whether a touch: reached owner `id` (its updated_at moved past OLD). */
const fresh = async ({ Owner }: Models, id: string) => ((await Owner.find(id)).updated_at ?? OLD) > OLD;

const associationScenarios: Readonly<Record<string, Scenario>> = {
  // ---------------- belongs_to readers
  'as.bt.reader': async ({ Job }) => (await Job.find('j1')).client,
  'as.bt.reader_nil': async ({ Job }) => (await Job.find('j4')).client,
  'as.bt.reader_dangling': async ({ Job }) => { await Job.create_bang({ id: 'j9', title: 'x', client_id: 'zz' }); return (await Job.find('j9')).client; },
  'as.bt.chain': async ({ Task }) => nameOf(await readOne(must(await (await Task.find('t3')).job), 'client')),
  'as.bt.fk_change_rereads': async ({ Job }) => { const j = await Job.find('j1'); await j.client; j.client_id = 'c2'; return nameOf(await j.client); },
  'as.bt.reload_rereads': async ({ Job, Client }) => {
    const j = await Job.find('j1');
    await j.client;
    await Client.where({ id: 'c1' }).update_all({ name: 'Acme2' });
    await j.reload();
    return nameOf(await j.client);
  },
  'as.bt.cached': async ({ Job, Client }) => { const j = await Job.find('j1'); await j.client; await Client.where({ id: 'c1' }).update_all({ name: 'Acme2' }); return nameOf(await j.client); },
  'as.bt.create_client': async ({ Job }) => {
    const j = await Job.find('j4');
    const c = (await send(j, 'create_client_bang', { id: 'c9', name: 'N' })) as { persisted_p(): boolean };
    return [j.client_id, c.persisted_p(), j.changes()];
  },

  // ---------------- belongs_to assignment: the object or the foreign key
  'as.assign.object': async ({ Job, Client }) => { const j = await Job.find('j4'); j.client = await Client.find('c2'); return [j.client_id, j.changes(), nameOf(await j.client)]; },
  'as.assign.object_save': async ({ Job, Client }) => { const j = await Job.find('j4'); j.client = await Client.find('c2'); return [await j.save(), (await Job.find('j4')).client_id]; },
  'as.assign.nil': async ({ Job }) => { const j = await Job.find('j1'); j.client = null; return [j.client_id, j.changes(), await j.client]; },
  'as.assign.fk_then_reader': async ({ Job }) => { const j = await Job.find('j4'); j.client_id = 'c3'; return [nameOf(await j.client), j.changes()]; },
  'as.assign.new_with_object': async ({ Job, Client }) => { const j = Job.new({ title: 'x', client: await Client.find('c1') }); return [j.client_id, j.new_record_p(), nameOf(await j.client)]; },
  'as.assign.update_with_object': async ({ Job, Client }) => { const j = await Job.find('j1'); return [await j.update(raw({ client: await Client.find('c3') })), (await Job.find('j1')).client_id]; },
  'as.assign.wrong_class': async ({ Job, Task }) => {
    const j = await Job.find('j1');
    return [await raisedClass(async () => { j.client = raw(await Task.find('t1')); }), j.client_id];
  },
  'as.assign.unsaved_parent': async ({ Job, Client }) => {
    const j = await Job.find('j4');
    j.client = Client.new({ id: 'c9', name: 'New' });
    return [await j.save(), await Client.exists_p('c9'), (await Job.find('j4')).client_id];
  },
  'as.assign.where_record': async ({ Job, Client }) => Job.where(raw({ client: await Client.find('c1') })).order('id').pluck('id'),

  // ---------------- has_many readers and collection methods
  'as.hm.reader': async ({ Client }) => (await (await Client.find('c1')).jobs).map((j) => j.id),
  'as.hm.reader_empty': async ({ Client }) => (await Client.find('c3')).jobs,
  'as.hm.records': async ({ Client }) => (await Client.find('c2')).jobs,
  'as.hm.order': async ({ Client }) => ids(many((await Client.find('c1')).jobs).order({ priority: 'desc' })),
  'as.hm.where': async ({ Client }) => ids(many((await Client.find('c1')).jobs).where({ status: 'active' })),
  'as.hm.count': async ({ Client }) => [
    await many((await Client.find('c1')).jobs).count(),
    await many((await Client.find('c3')).jobs).count(),
    await many((await Client.find('c1')).jobs).where({ status: 'done' }).count(),
  ],
  'as.hm.size_length': async ({ Client }) => { const c = await Client.find('c1'); return [await send(many(c.jobs), 'size'), await send(many(c.jobs), 'length')]; },
  'as.hm.empty_any': async ({ Client }) => {
    const [c1, c3] = [await Client.find('c1'), await Client.find('c3')];
    return [await send(many(c1.jobs), 'empty_p'), await send(many(c3.jobs), 'empty_p'), await many(c1.jobs).any_p(), await many(c3.jobs).any_p(), await many(c3.jobs).none_p()];
  },
  'as.hm.many_one': async ({ Client }) => [await many((await Client.find('c1')).jobs).many_p(), await many((await Client.find('c2')).jobs).many_p(), await many((await Client.find('c2')).jobs).one_p()],
  'as.hm.exists': async ({ Client }) => {
    const j = many((await Client.find('c1')).jobs);
    return [await j.exists_p(), await j.exists_p('j2'), await j.exists_p('j3'), await j.exists_p({ status: 'done' }), await j.exists_p({ status: 'draft' })];
  },
  'as.hm.pluck': async ({ Client }) => [await many((await Client.find('c1')).jobs).order('id').pluck('title'), await many((await Client.find('c1')).jobs).order('id').pluck('id', 'priority')],
  'as.hm.ids': async ({ Client }) => [await many((await Client.find('c1')).jobs).ids(), await many((await Client.find('c3')).jobs).ids()],
  'as.hm.singular_ids': async ({ Client }) => send(await Client.find('c1'), 'job_ids'),
  'as.hm.first_last': async ({ Client }) => {
    const j = many((await Client.find('c1')).jobs);
    return [idOf(await j.first()), idOf(await j.last()), idOf(await j.order('priority').first()), await ids(j.first(5))];
  },
  'as.hm.find': async ({ Client }) => (await many((await Client.find('c1')).jobs).find('j2')).title,
  'as.hm.find_outside': async ({ Client }) => many((await Client.find('c1')).jobs).find('j3'),
  'as.hm.find_by': async ({ Client }) => { const j = many((await Client.find('c1')).jobs); return [idOf(await j.find_by({ title: 'Wire' })), await j.find_by({ title: 'Tile' })]; },
  'as.hm.find_by_bang_outside': async ({ Client }) => many((await Client.find('c1')).jobs).find_by_bang({ title: 'Tile' }),
  'as.hm.calculations': async ({ Client }) => {
    const j = many((await Client.find('c1')).jobs);
    return [await j.sum('priority'), await j.maximum('priority'), await j.minimum('title'), await j.average('priority')];
  },
  'as.hm.group_count': async ({ Client }) => many((await Client.find('c1')).jobs).group('status').count(),
  'as.hm.include': async ({ Client, Job }) => { const j = many((await Client.find('c1')).jobs); return [await j.include_p(await Job.find('j1')), await j.include_p(await Job.find('j3'))]; },
  'as.hm.new_owner_reader': ({ Client }) => Client.new({ name: 'x' }).jobs,
  'as.hm.new_owner_count': ({ Client }) => many(Client.new({ name: 'x' }).jobs).count(),
  'as.hm.cached_after_load': async ({ Client, Job }) => {
    const c = await Client.find('c3');
    await c.jobs;
    await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c3' });
    return (await c.jobs).map((j) => j.id);
  },
  'as.hm.reload': async ({ Client, Job }) => {
    const c = await Client.find('c3');
    await c.jobs;
    await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c3' });
    return ids(like(Job, send(many(c.jobs), 'reload')));
  },
  'as.hm.update_all': async ({ Client, Job }) => [await many((await Client.find('c1')).jobs).update_all({ status: 'done' }), await Job.where({ status: 'done' }).order('id').pluck('id')],
  'as.hm.delete_all': async ({ Client, Job }) => {
    const ret = await many((await Client.find('c1')).jobs).delete_all();
    return [ret, await Job.count(), await Job.where({ client_id: null }).order('id').pluck('id')];
  },
  'as.hm.destroy_all': async ({ Client, Job, Task }) => {
    const rs = await many((await Client.find('c1')).jobs).destroy_all();
    return [rs.map((r) => r.id), rs.map((r) => r.destroyed_p()), await Job.count(), await Task.order('id').pluck('id')];
  },
  'as.hm.delete_record': async ({ Client, Job }) => {
    const c = await Client.find('c1');
    await send(many(c.jobs), 'delete', await Job.find('j2'));
    return [await Job.exists_p('j2'), (await Job.find('j2')).client_id, await many(c.jobs).count()];
  },
  'as.hm.destroy_by_id': async ({ Client, Job }) => {
    const c = await Client.find('c1');
    const rs = (await send(many(c.jobs), 'destroy', 'j2')) as { id: string }[];
    return [rs.map((r) => r.id), await Job.exists_p('j2'), await many(c.jobs).count()];
  },
  // Ruby's `<<` is CollectionProxy#push (its alias), TypeScript having no `<<`.
  'as.hm.concat': async ({ Client, Job }) => {
    const c = await Client.find('c3');
    await send(many(c.jobs), 'push', await Job.find('j4'));
    return [(await Job.find('j4')).client_id, await many(c.jobs).count()];
  },

  // ---------------- has_many builders
  'as.build.new': async ({ Client }) => { const j = many((await Client.find('c1')).jobs).new({ title: 'x' }); return [j.client_id, j.new_record_p(), j.title, j.changes()]; },
  'as.build.new_then_save': async ({ Client, Job }) => { const j = many((await Client.find('c1')).jobs).new({ id: 'j9', title: 'x' }); return [await j.save(), (await Job.find('j9')).client_id]; },
  'as.build.size_counts_built': async ({ Client }) => {
    const c = await Client.find('c1');
    many(c.jobs).build({ title: 'x' });
    return [await many(c.jobs).count(), await send(many(c.jobs), 'size')];
  },
  'as.build.create': async ({ Client }) => {
    const j = await many((await Client.find('c1')).jobs).create({ id: 'j9', title: 'x' });
    return [j.persisted_p(), j.client_id, await many((await Client.find('c1')).jobs).count()];
  },
  'as.build.create_invalid': async ({ Client, Job }) => {
    const j = await many((await Client.find('c1')).jobs).create({ id: 'j9', title: '' });
    return [j.persisted_p(), j.client_id, j.errors.full_messages(), await Job.count()];
  },
  'as.build.create_bang': async ({ Client, Job }) => { await many((await Client.find('c2')).jobs).create_bang({ id: 'j9', title: 'x' }); return (await Job.find('j9')).client_id; },
  'as.build.create_bang_invalid': async ({ Client }) => many((await Client.find('c1')).jobs).create_bang({ id: 'j9', title: '' }),
  'as.build.owner_key_wins': async ({ Client }) => many((await Client.find('c1')).jobs).new({ title: 'x', client_id: 'c2' }).client_id,
  'as.build.unsaved_owner_create': ({ Client }) => many(Client.new({ name: 'x' }).jobs).create({ title: 'y' }),
  'as.build.create_array': async ({ Client }) => {
    const rs = await many((await Client.find('c3')).jobs).create([{ id: 'j8', title: 'a' }, { id: 'j9', title: 'b' }]);
    return [rs.map((r) => r.client_id), await many((await Client.find('c3')).jobs).count()];
  },
  'as.build.where_new': async ({ Client }) => { const j = many((await Client.find('c1')).jobs).where({ status: 'done' }).new({ title: 'x' }); return [j.client_id, j.status]; },
  'as.build.scope_new': async ({ Client, Job }) => { const j = like(Job, many((await Client.find('c1')).jobs)).active().new({ title: 'x' }); return [j.client_id, j.status]; },
  'as.build.find_or_create_other_owner': async ({ Client, Job }) => {
    const r = await many((await Client.find('c1')).jobs).find_or_create_by({ id: 'j9', title: 'Tile' });
    return [r.id, r.client_id, await Job.count()];
  },
  'as.build.task_through_job': async ({ Job }) => {
    const t = await many((await Job.find('j2')).tasks).create_bang({ id: 't9', title: 'x', position: 2 });
    return [t.job_id, await many((await Job.find('j2')).tasks).order('id').pluck('id')];
  },

  // ---------------- has_one
  'as.ho.reader': async ({ Client }) => (await Client.find('c1')).profile,
  'as.ho.reader_nil': async ({ Client }) => (await Client.find('c3')).profile,
  'as.ho.build': async ({ Client }) => {
    const p = send(await Client.find('c3'), 'build_profile', { bio: 'New' }) as { client_id: string; new_record_p(): boolean; bio: string };
    return [p.client_id, p.new_record_p(), p.bio];
  },
  'as.ho.create': async ({ Client, Profile }) => { await send(await Client.find('c3'), 'create_profile_bang', { id: 'pr9', bio: 'x' }); return (await Profile.find('pr9')).client_id; },

  // ---------------- has_many :through and has_one :through
  'as.th.reader': async ({ Client, Task }) => ids(like(Task, many(read(await Client.find('c1'), 'tasks') as ActiveRelation<never>)).order('id')),
  'as.th.count': async ({ Client }) => [
    await many(read(await Client.find('c1'), 'tasks') as ActiveRelation<never>).count(),
    await many(read(await Client.find('c3'), 'tasks') as ActiveRelation<never>).count(),
    await many(read(await Client.find('c2'), 'tasks') as ActiveRelation<never>).exists_p(),
  ],
  'as.th.where': async ({ Client }) => many(read(await Client.find('c1'), 'tasks') as ActiveRelation<never>).where({ done: true }).pluck('id'),
  'as.th.tags': async ({ Job }) => many(read(await Job.find('j1'), 'tags') as ActiveRelation<never>).order('name').pluck('name'),
  'as.th.tag_jobs': async ({ Tag }) => many(read(await Tag.find('g2'), 'jobs') as ActiveRelation<never>).order('id').pluck('id'),
  'as.th.ids': async ({ Job }) => many(read(await Job.find('j1'), 'tags') as ActiveRelation<never>).order('id').ids(),
  'as.th.find_outside': async ({ Job }) => many(read(await Job.find('j1'), 'tags') as ActiveRelation<never>).find('g3'),
  'as.th.includes': async ({ Job }) => Promise.all((await Job.includes('tags').order('id')).map(async (j) => [j.id, (await readMany(j, 'tags')).map((t) => t.name).sort()])),
  'as.th.create': async ({ Job, Tag, Tagging }) => {
    await like(Tag, many(read(await Job.find('j4'), 'tags') as ActiveRelation<never>)).create_bang({ id: 'g9', name: 'new' });
    return [await Tag.count(), await Tagging.where({ job_id: 'j4' }).count()];
  },
  'as.th.has_one_reader': async ({ Task }) => nameOf(await readOne(await Task.find('t3'), 'client')),
  'as.th.has_one_nil': async ({ Task }) => readOne(await Task.find('t5'), 'client'),
  'as.th.has_one_includes': async ({ Task }) => Promise.all((await Task.includes('client').order('id')).map(async (t) => [t.id, (await readOne(t, 'client'))?.name ?? null])),

  // ---------------- includes / preload / eager_load
  'as.inc.belongs_to': async ({ Job }) => Promise.all((await Job.includes('client').order('id')).map(async (j) => [j.id, (await j.client)?.name ?? null])),
  'as.inc.has_many': async ({ Client }) => Promise.all((await Client.includes('jobs').order('id')).map(async (c) => [c.id, (await c.jobs).map((j) => j.id)])),
  'as.inc.has_one': async ({ Client }) => Promise.all((await Client.includes('profile').order('id')).map(async (c) => [c.id, (await c.profile)?.bio ?? null])),
  'as.inc.nested': async ({ Client }) =>
    Promise.all(
      (await Client.includes({ jobs: (r) => r.includes('tasks') }).order('id')).map(async (c) => [
        c.id,
        await Promise.all((await c.jobs).map(async (j) => [j.id, (await readMany(j, 'tasks')).map((t) => t.id)])),
      ]),
    ),
  'as.inc.two': async ({ Job }) => Promise.all((await Job.includes('client', 'tasks').order('id')).map(async (j) => [j.id, (await j.client)?.name ?? null, (await j.tasks).length])),
  'as.inc.find': async ({ Job }) => nameOf(await (await Job.includes('client').find('j3')).client),
  'as.inc.count': async ({ Client }) => [await Client.includes('jobs').count(), await Client.includes('jobs').where({ id: 'c1' }).count()],
  'as.inc.cached': async ({ Client, Job }) => {
    const c = await Client.includes('jobs').find('c1');
    await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c1' });
    return (await c.jobs).map((j) => j.id);
  },
  'as.inc.scoped_assoc': async ({ Client, Job }) => ids(like(Job, send((await Client.includes('jobs').find('c1')).jobs, 'where', { status: 'done' }))),
  'as.inc.preload': async ({ Job }) => Promise.all((await like(Job, send(Job, 'preload', 'client')).order('id')).map(async (j) => [j.id, (await j.client)?.name ?? null])),
  'as.inc.eager_load': async ({ Job }) => Promise.all((await like(Job, send(Job, 'eager_load', 'client')).order('id')).map(async (j) => [j.id, (await j.client)?.name ?? null])),

  // ---------------- joins
  'as.join.belongs_to_where': ({ Job }) => Job.joins('client').where({ clients: { name: 'Acme' } }).order('id').pluck('id'),
  'as.join.has_many_repeats': ({ Client }) => Client.joins('jobs').order('id').pluck('id'),
  'as.join.has_many_distinct': ({ Client }) => Client.joins('jobs').distinct().order('id').pluck('id'),
  'as.join.where_count': ({ Client }) => Client.joins('jobs').where({ jobs: { status: 'active' } }).count(),
  'as.join.assoc_name_key': ({ Job }) => Job.joins('client').where({ client: { name: 'Globex' } }).order('id').pluck('id'),
  'as.join.not': ({ Job }) => Job.joins('client').not({ clients: { name: 'Acme' } }).order('id').pluck('id'),
  'as.join.not_mixed': ({ Job }) => Job.joins('client').not({ title: 'Paint', clients: { name: 'Acme' } }).order('id').pluck('id'),
  'as.join.or': ({ Job }) => Job.joins('client').where({ clients: { name: 'Acme' } }).or(Job.joins('client').where({ title: 'Roof' })).order('id').pluck('id'),
  'as.join.same_row': ({ Job }) => Job.joins('tasks').where({ tasks: { title: 'Coat' } }).where({ tasks: { position: 1 } }).order('id').pluck('id'),
  'as.join.same_row_not': ({ Job }) => Job.joins('tasks').where({ tasks: { position: 2 } }).not({ tasks: { title: 'Coat' } }).order('id').pluck('id'),
  'as.join.rewhere': ({ Job }) => Job.joins('client').where({ clients: { name: 'Acme' } }).rewhere({ clients: { name: 'Globex' } }).order('id').pluck('id'),
  'as.join.nested': ({ Client }) => Client.joins({ jobs: 'tasks' }).where({ jobs: { tasks: { title: 'Grout' } } }).order('id').pluck('id'),
  'as.join.nested_bare': ({ Client }) => Client.joins({ jobs: 'tasks' }).distinct().order('id').pluck('id'),
  'as.join.through': ({ Job }) => Job.joins('tags').where({ tags: { name: 'outdoor' } }).order('id').pluck('id'),
  'as.join.empty_hash': ({ Job }) => Job.joins('client').where({ clients: {} }).count(),
  'as.join.or_keeps_join': ({ Job }) => Job.joins('client').or(Job.where({ title: 'Roof' })).order('id').pluck('id'),
  'as.join.unscope_where': ({ Job }) => Job.joins('client').where({ title: 'Paint' }).unscope('where').order('id').pluck('id'),
  'as.join.unscope_joins': ({ Job }) => Job.joins('client').unscope('joins').count(),
  'as.join.unscope_name': ({ Job }) => Job.joins('client').where({ clients: { name: 'Acme' } }).unscope({ where: 'name' }).order('id').pluck('id'),
  'as.join.nested_not': async ({ Job, Client }) => {
    await Job.create_bang({ id: 'j9', title: 'x', client_id: 'c3' });
    return Client.joins({ jobs: 'tasks' }).not({ jobs: { title: 'Paint', tasks: { title: 'Primer' } } }).distinct().order('id').pluck('id');
  },
  'as.join.not_many_columns': ({ Job }) => Job.joins('tasks').where({ tasks: { title: 'Primer' } }).not({ tasks: { title: 'Primer', position: 1 } }).order('id').pluck('id'),
  'as.join.empty_not': ({ Job }) => Job.joins('client').not({ clients: {} }).order('id').pluck('id'),
  'as.join.own_table': ({ Job }) => Job.where({ jobs: { title: 'Paint' } }).pluck('id'),
  'as.join.merge_scope': ({ Client, Job }) => Client.joins('jobs').merge(Job.active()).distinct().order('id').pluck('id'),
  'as.join.merge_belongs_to': ({ Job, Client }) => Job.joins('client').merge(Client.where({ name: 'Acme' })).order('id').pluck('id'),
  'as.join.merge_replaces': ({ Client, Job }) => Client.joins('jobs').where({ jobs: { status: 'done' } }).merge(Job.where({ status: 'active' })).distinct().order('id').pluck('id'),
  'as.join.merge_one_row': ({ Client, Job }) => Client.joins('jobs').merge(Job.where({ status: 'active' })).merge(Job.where({ title: 'Wire' })).distinct().order('id').pluck('id'),
  'as.join.merge_nested': ({ Client, Task }) => Client.joins({ jobs: 'tasks' }).merge(Task.where({ title: 'Primer' })).distinct().order('id').pluck('id'),
  'as.join.merge_joins': ({ Client, Job }) => Client.joins('jobs').merge(Job.joins('tasks').where({ tasks: { title: 'Primer' } })).distinct().order('id').pluck('id'),
  'as.join.merge_none': ({ Client, Job }) => Client.joins('jobs').merge(Job.none()).pluck('id'),
  'as.join.merge_not': ({ Client, Job }) => Client.joins('jobs').merge(Job.not({ status: 'active' })).distinct().order('id').pluck('id'),
  'as.join.pluck_belongs_to': ({ Job }) => Job.joins('client').order('id').pluck('title', 'clients.name'),
  'as.join.pluck_has_many': async ({ Client }) => (await Client.joins('jobs').where({ jobs: { status: 'active' } }).pluck('jobs.title')).map(String).sort(),
  'as.join.pick': ({ Job }) => Job.joins('client').order('id').pick('clients.name'),
  'as.lj.pluck': ({ Job }) => Job.left_joins('client').order('id').pluck('clients.name'),
  'as.lj.includes_pluck': ({ Job }) => Job.includes('client').order('id').pluck('id', 'clients.name'),
  'as.join.order_joined': ({ Job }) => Job.joins('client').order('clients.name desc', 'id').pluck('id'),
  'as.join.order_joined_limit': ({ Job }) => Job.joins('client').order('clients.name desc', 'id').offset(1).limit(2).pluck('id'),
  'as.join.merge_order': ({ Job, Client }) => Job.joins('client').merge(Client.order({ name: 'desc' })).order('id').pluck('id'),
  'as.lj.order': ({ Job }) => Job.left_joins('client').order('clients.name', { id: 'desc' }).pluck('id'),
  'as.lj.all': ({ Job }) => Job.left_joins('client').distinct().order('id').pluck('id'),
  'as.lj.missing_belongs_to': ({ Job }) => Job.left_joins('client').where({ clients: { id: null } }).order('id').pluck('id'),
  'as.lj.missing_has_many': ({ Client }) => Client.left_outer_joins('jobs').where({ jobs: { id: null } }).order('id').pluck('id'),
  'as.lj.condition': ({ Job }) => Job.left_joins('client').where({ clients: { name: 'Acme' } }).order('id').pluck('id'),
  'as.lj.includes_missing': ({ Job }) => Job.includes('client').where({ clients: { id: null } }).order('id').pluck('id'),
  'as.lj.includes_loads_matching': async ({ Client }) => (await Client.includes('jobs').where({ jobs: { status: 'active' } }).order('id')).map((c) => [c.id, (c.jobs as unknown as { id: string }[]).map((j) => j.id)]),
  'as.lj.includes_not': async ({ Client }) => (await Client.includes('jobs').not({ jobs: { status: 'active' } }).order('id')).map((c) => [c.id, (c.jobs as unknown as { id: string }[]).map((j) => j.id)]),
  'as.lj.includes_none': async ({ Client }) => (await Client.includes('jobs').where({ jobs: { id: null } }).order('id')).map((c) => [c.id, (c.jobs as unknown as { id: string }[]).map((j) => j.id)]),
  'as.lj.joins_includes': async ({ Client }) => (await Client.joins('jobs').includes('jobs').where({ jobs: { status: 'done' } }).order('id')).map((c) => [c.id, (c.jobs as unknown as { id: string }[]).map((j) => j.id)]),

  // ---------------- default_scope (ClientDS hides Initech, c3; j9 is Initech's job)
  'as.ds.all': ({ ClientDS }) => ClientDS.order('id').pluck('id'),
  'as.ds.unscoped': ({ ClientDS }) => ClientDS.unscoped().order('id').pluck('id'),
  'as.ds.count_where': ({ ClientDS }) => ClientDS.where({ name: ['Acme', 'Initech'] }).count(),
  'as.ds.joins': async ({ JobDS }) => { await JobDS.create_bang({ id: 'j9', title: 'x', client_id: 'c3' }); return JobDS.joins('client').order('id').pluck('id'); },
  'as.ds.joined_where': async ({ JobDS }) => { await JobDS.create_bang({ id: 'j9', title: 'x', client_id: 'c3' }); return JobDS.joins('client').where({ clients: { name: 'Initech' } }).pluck('id'); },
  'as.ds.missing': async ({ JobDS }) => { await JobDS.create_bang({ id: 'j9', title: 'x', client_id: 'c3' }); return JobDS.where_missing('client').order('id').pluck('id'); },
  'as.ds.reader': async ({ JobDS }) => { await JobDS.create_bang({ id: 'j9', title: 'x', client_id: 'c3' }); return (await JobDS.find('j9')).client; },

  // ---------------- single-table inheritance (Manager < Member, Director < Manager; m1, m5 plain members)
  'as.sti.all': ({ Manager }) => Manager.order('id').pluck('id'),
  'as.sti.nested': ({ Director }) => Director.order('id').pluck('id'),
  'as.sti.base': ({ Member }) => Member.order('id').pluck('id'),
  'as.sti.where': ({ Manager }) => Manager.where({ client_id: 'c2' }).order('id').pluck('id'),
  'as.sti.scope': ({ Manager }) => Manager.active().order('id').pluck('id'),
  'as.sti.count': async ({ Manager, Director, Member }) => [await Manager.count(), await Director.count(), await Member.count()],
  'as.sti.find_other': ({ Manager }) => Manager.find('m1'),
  'as.sti.find_descendant': async ({ Manager }) => (await Manager.find('m3')).type,
  'as.sti.find_by_other': ({ Manager }) => Manager.find_by({ name: 'Mia' }),
  'as.sti.exists_other': async ({ Manager }) => [await Manager.exists_p('m1'), await Manager.exists_p('m3')],
  'as.sti.unscoped': ({ Manager }) => Manager.unscoped().order('id').pluck('id'),
  'as.sti.unscope_where': ({ Manager }) => Manager.unscope('where').order('id').pluck('id'),
  'as.sti.unscope_type': ({ Manager }) => Manager.unscope({ where: 'type' }).order('id').pluck('id'),
  'as.sti.where_other_type': ({ Manager }) => Manager.where({ type: 'Member' }).count(),
  'as.sti.rewhere': ({ Manager }) => Manager.rewhere({ type: 'Director' }).pluck('id'),
  'as.sti.new_type': ({ Manager, Director, Member }) => [Manager.new().type, Director.new().type, Member.new().type, Manager.unscoped().new().type],
  'as.sti.new_descendant': ({ Manager }) => Manager.new({ type: 'Director' }).type,
  'as.sti.new_nil_type': ({ Manager }) => Manager.new({ type: null }).type,
  'as.sti.new_other': ({ Manager }) => Manager.new({ type: 'Member' }),
  'as.sti.new_scoped_other': ({ Manager }) => Manager.where({ type: 'Member' }).new(),
  'as.sti.create': async ({ Manager }) => { const r = await Manager.create_bang({ id: 'm9', name: 'New' }); return [r.type, await Manager.order('id').pluck('id')]; },
  'as.sti.create_other': ({ Director }) => Director.create({ id: 'm9', name: 'x', type: 'Manager' }),
  'as.sti.find_or_create': async ({ Manager, Member }) => { const r = await Manager.create_with({ id: 'm9' }).find_or_create_by_bang({ name: 'Mia' }); return [r.id, r.type, await Member.where({ name: 'Mia' }).count()]; },
  'as.sti.update_all': async ({ Manager, Member }) => [await Manager.update_all({ active: true }), await Member.order('id').pluck('id', 'active')],
  'as.sti.delete_all': async ({ Director, Member }) => [await Director.delete_all(), await Member.order('id').pluck('id')],
  'as.sti.destroy_other': ({ Manager }) => Manager.destroy('m1'),
  'as.sti.upsert': async ({ Director, Member }) => { await Director.upsert({ id: 'm9', name: 'Up' }); return (await Member.find('m9')).type; },
  'as.sti.reader': async ({ ClientSTI }) => many((await ClientSTI.find('c1')).managers).order('id').pluck('id'),
  'as.sti.includes': async ({ ClientSTI }) => (await ClientSTI.includes('managers').order('id')).map((c) => [c.id, (c.managers as unknown as { id: string }[]).map((m) => m.id).sort()]),
  'as.sti.joins': ({ ClientSTI }) => ClientSTI.joins('managers').distinct().order('id').pluck('id'),
  'as.sti.joined_where': ({ ClientSTI }) => ClientSTI.joins('managers').where({ managers: { name: 'Mia' } }).pluck('id'),
  'as.sti.missing': ({ ClientSTI }) => ClientSTI.where_missing('managers').order('id').pluck('id'),
  'as.sti.builder': async ({ ClientSTI }) => { const m = many((await ClientSTI.find('c1')).managers).new({ name: 'x' }); return [m.type, m.client_id]; },

  // ---------------- where.associated (7.0) / where.missing (6.1)
  'as.wa.associated': ({ Job }) => Job.where_associated('client').order('id').pluck('id'),
  'as.wa.associated_has_many': ({ Client }) => Client.where_associated('jobs').order('id').pluck('id'),
  'as.wa.missing': ({ Job }) => Job.where_missing('client').pluck('id'),
  'as.wa.missing_has_many': ({ Client }) => Client.where_missing('jobs').pluck('id'),
  'as.wa.missing_has_one': ({ Client }) => Client.where_missing('profile').pluck('id'),
  'as.wa.missing_dangling': async ({ Job }) => { await Job.create_bang({ id: 'j9', title: 'x', client_id: 'zz' }); return Job.where_missing('client').order('id').pluck('id'); },
  'as.wa.missing_chain': async ({ Job }) => [await Job.where_missing('client').where({ status: 'active' }).pluck('id'), await Job.where({ status: 'draft' }).where_missing('client').count()],
  'as.wa.missing_through': ({ Client }) => Client.where_missing('tasks').pluck('id'),

  // ---------------- a required belongs_to ("must exist") and optional: true
  'as.req.missing': ({ Task }) => { const t = Task.new({ title: 'x' }); return [t.valid_p(), t.errors.full_messages()]; },
  'as.req.errors_hash': ({ Task }) => { const t = Task.new({ title: 'x' }); t.valid_p(); return t.errors.to_hash(); },
  'as.req.dangling': ({ Task }) => { const t = Task.new({ title: 'x', job_id: 'zz' }); return [t.valid_p(), t.errors.full_messages()]; },
  'as.req.create_bang': ({ Task }) => Task.create_bang({ id: 't9', title: 'x' }),
  'as.req.save_false': async ({ Task }) => { const t = Task.new({ id: 't9', title: 'x' }); return [await t.save(), await Task.count(), t.new_record_p()]; },
  'as.req.with_object': async ({ Task, Job }) => { const t = Task.new({ title: 'x', job: await Job.find('j1') }); return [t.valid_p(), t.job_id]; },
  'as.req.update_to_nil': async ({ Note }) => { const n = await Note.find('n1'); return [await n.update({ job_id: raw(null) }), n.errors.full_messages(), (await Note.find('n1')).job_id]; },
  'as.req.optional': async ({ Job }) => { const j = await Job.create_bang({ id: 'j9', title: 'x' }); return [j.persisted_p(), j.client_id]; },
  'as.req.both_errors': ({ Task }) => { const t = Task.new({ title: '' }); t.valid_p(); return t.errors.full_messages(); },

  // ---------------- dependent:
  'as.dep.destroy': async ({ ClientD, Job, Task, Tagging }) => {
    const r = await (await ClientD.find('c1')).destroy();
    return [destroyedOf(r), await Job.order('id').pluck('id'), await Task.order('id').pluck('id'), await Tagging.order('id').pluck('id')];
  },
  'as.dep.delete_all': async ({ ClientDA, Job, Task }) => { await (await ClientDA.find('c1')).destroy(); return [await Job.order('id').pluck('id'), await Task.order('id').pluck('id')]; },
  'as.dep.nullify': async ({ ClientN, Job }) => { await (await ClientN.find('c1')).destroy(); return [await ClientN.count(), await Job.order('id').pluck('id', 'client_id')]; },
  'as.dep.restrict_with_error': async ({ ClientRE }) => { const c = await ClientRE.find('c1'); return [await c.destroy(), c.errors.full_messages(), c.destroyed_p(), await ClientRE.count()]; },
  'as.dep.restrict_with_error_none': async ({ ClientRE }) => [destroyedOf(await (await ClientRE.find('c3')).destroy()), await ClientRE.count()],
  'as.dep.restrict_with_error_bang': async ({ ClientRE }) => (await ClientRE.find('c1')).destroy_bang(),
  'as.dep.restrict_with_exception': async ({ ClientRX }) => (await ClientRX.find('c1')).destroy(),
  'as.dep.restrict_with_exception_count': async ({ ClientRX, Job }) => {
    const c = await ClientRX.find('c1');
    await c.destroy().catch(() => null);
    return [await ClientRX.count(), await Job.count(), c.destroyed_p()];
  },
  'as.dep.class_destroy_refused': ({ ClientRE }) => ClientRE.destroy('c1'),
  'as.dep.has_one_destroy': async ({ ClientPD, Profile }) => { await (await ClientPD.find('c1')).destroy(); return Profile.order('id').pluck('id'); },
  'as.dep.has_one_nullify': async ({ ClientPN, Profile }) => { await (await ClientPN.find('c1')).destroy(); return Profile.order('id').pluck('id', 'client_id'); },
  'as.dep.has_one_restrict': async ({ ClientPR }) => { const c = await ClientPR.find('c1'); return [await c.destroy(), c.errors.full_messages(), await ClientPR.count()]; },
  'as.dep.delete_skips': async ({ ClientD, Job, Task }) => { await (await ClientD.find('c1')).delete(); return [await ClientD.count(), await Job.count(), await Task.count()]; },
  'as.dep.destroy_all_relation': async ({ ClientD, Job, Task }) => {
    await ClientD.where({ id: ['c1', 'c2'] }).destroy_all();
    return [await Job.order('id').pluck('id'), await Task.order('id').pluck('id')];
  },
  'as.dep.job_chain': async ({ Job, Task, Tagging, Note }) => {
    await (await Job.find('j1')).destroy();
    return [await Task.order('id').pluck('id'), await Tagging.order('id').pluck('id'), await Note.count()];
  },

  // ---------------- belongs_to touch: true
  'as.touch.create': async (m) => { await m.Gadget.create_bang({ id: 'gd9', name: 'x', owner_id: 'o2' }); return [await fresh(m, 'o1'), await fresh(m, 'o2')]; },
  'as.touch.update': async (m) => { await (await m.Gadget.find('gd1')).update_bang({ name: 'y' }); return [await fresh(m, 'o1'), await fresh(m, 'o2')]; },
  'as.touch.noop_save': async (m) => [await (await m.Gadget.find('gd1')).save(), await fresh(m, 'o1')],
  'as.touch.move': async (m) => { await (await m.Gadget.find('gd1')).update_bang({ owner_id: 'o2' }); return [await fresh(m, 'o1'), await fresh(m, 'o2')]; },
  'as.touch.destroy': async (m) => { await (await m.Gadget.find('gd1')).destroy(); return fresh(m, 'o1'); },
  'as.touch.update_columns': async (m) => { await (await m.Gadget.find('gd1')).update_columns({ name: 'z' }); return fresh(m, 'o1'); },
  'as.touch.delete': async (m) => { await (await m.Gadget.find('gd1')).delete(); return fresh(m, 'o1'); },
  'as.touch.touch': async (m) => { await (await m.Gadget.find('gd1')).touch(); return fresh(m, 'o1'); },
  'as.touch.no_owner': async (m) => { const g = await m.Gadget.create_bang({ id: 'gd9', name: 'x' }); return [g.persisted_p(), await fresh(m, 'o1'), await fresh(m, 'o2')]; },

  // ---------------- inverse_of (automatic for a has_many / belongs_to pair)
  'as.inv.loaded_parent_same': async ({ Client }) => { const c = await Client.find('c1'); return (await readOne(firstOf(await c.jobs), 'client')) === c; },
  'as.inv.unsaved_change_seen': async ({ Client }) => { const c = await Client.find('c1'); c.name = 'Changed'; return nameOf(await readOne(firstOf(await c.jobs), 'client')); },
  'as.inv.built_parent_same': async ({ Client }) => { const c = await Client.find('c1'); const j = many(c.jobs).build({ title: 'x' }); return (await readOne(j, 'client')) === c; },
  'as.inv.includes_parent': async ({ Client }) => { const c = await Client.includes('jobs').find('c1'); c.name = 'Changed'; return nameOf(await readOne(firstOf(await c.jobs), 'client')); },

  // ---------------- counter_cache (clients.jobs_count; the config's counterCaches: docs/records.md)
  'as.cc.create': async ({ CountedJob, Client }) => { await CountedJob.create_bang({ id: 'j9', title: 'x', client_id: 'c3' }); return (await Client.find('c3')).jobs_count; },
  'as.cc.destroy': async ({ CountedJob, Client }) => { await (await CountedJob.find('j1')).destroy(); return (await Client.find('c1')).jobs_count; },
  'as.cc.move': async ({ CountedJob, Client }) => { await (await CountedJob.find('j1')).update_bang({ client_id: 'c3' }); return Client.order('id').pluck('jobs_count'); },
  'as.cc.delete': async ({ CountedJob, Client }) => {
    await (await CountedJob.find('j1')).delete();
    await (await CountedJob.find('j2')).update_columns({ client_id: 'c3' });
    return Client.order('id').pluck('jobs_count');
  },
  'as.cc.hm_delete': (m) => ccDelete(m, m.ClientCC),
  'as.cc.hm_delete_delete_all': (m) => ccDelete(m, m.ClientCCDA),
  'as.cc.hm_delete_destroy': (m) => ccDelete(m, m.ClientCCD),
  'as.cc.hm_delete_all': async (m) => [await (await countedJobs(m.ClientCC)).jobs.delete_all(), await ccState(m)],
  'as.cc.hm_delete_all_delete_all': async (m) => [await (await countedJobs(m.ClientCCDA)).jobs.delete_all(), await ccState(m)],
  'as.cc.hm_delete_all_destroy': async (m) => [await (await countedJobs(m.ClientCCD)).jobs.delete_all(), await ccState(m)],
  'as.cc.hm_clear': async (m) => { await (await countedJobs(m.ClientCC)).jobs.clear(); return ccState(m); },
  'as.cc.hm_clear_destroy': async (m) => { await (await countedJobs(m.ClientCCD)).jobs.clear(); return ccState(m); },
  'as.cc.hm_destroy': async (m) => {
    const { jobs } = await countedJobs(m.ClientCC);
    const own = await ids(jobs.destroy(await m.CountedJob.find('j1')));
    return [own, await ids(jobs.destroy(await m.CountedJob.find('j3'))), await ccState(m)];
  },

  'as.cc.hm_destroy_all': async (m) => [await ids((await countedJobs(m.ClientCC)).jobs.destroy_all()), await ccState(m)],
  'as.cc.hm_other_name': async (m) => {
    const { jobs } = await countedJobs(m.ClientCCO, 'counted_jobs');
    await jobs.delete(await m.CountedJob.find('j1'));
    return [await jobs.delete_all(), await ccState(m)];
  },
  'as.cc.hm_where_delete_all': async (m) => [await (await countedJobs(m.ClientCC)).jobs.where({ title: 'Paint' }).delete_all(), await ccState(m)],

  // ---------------- model scopes through an association
  'as.scope.on_has_many': async ({ Client, Job }) => {
    const c = await Client.find('c1');
    return [await like(Job, many(c.jobs)).active().count(), await ids(like(Job, many(c.jobs)).active())];
  },
  'as.scope.chain': async ({ Client, Job }) => like(Job, many((await Client.find('c1')).jobs)).by_priority().pluck('id'),
  'as.scope.on_tasks': async ({ Job, Task }) => like(Task, many((await Job.find('j1')).tasks)).done().pluck('id'),
  'as.scope.on_through': async ({ Client, Task }) => like(Task, many(read(await Client.find('c1'), 'tasks') as ActiveRelation<never>)).pending().order('id').pluck('id'),
  'as.scope.where_then_scope': async ({ Client, Job }) => like(Job, many((await Client.find('c1')).jobs).where({ priority: { gte: 1, lte: 2 } })).active().pluck('id'),

  // ---------------- destroy results
  'as.destroy.job': async ({ Job, Task }) => {
    const r = await Job.find('j2');
    await r.destroy();
    return [r.destroyed_p(), Object.isFrozen(r), await Job.exists_p('j2'), await Task.where({ job_id: 'j2' }).count()];
  },
  'as.destroy.job_invalid': async ({ Job }) => {
    await Job.where({ id: 'j2' }).update_all({ title: '' });
    const r = await Job.find('j2');
    return [r.valid_p(), destroyedOf(await r.destroy()), await Job.exists_p('j2')];
  },
  'as.destroy.class_destroy': async ({ Job, Task, Tagging }) => {
    const r = await Job.destroy('j3');
    return [r.destroyed_p(), await Task.where({ job_id: 'j3' }).count(), await Tagging.where({ job_id: 'j3' }).count()];
  },
};

/** An ActiveRecord record (what scenarios.rb's `norm` turns into its attributes). */
function isRecord(value: object): value is { attributes(): unknown } {
  return typeof Reflect.get(value, 'attributes') === 'function' && typeof Reflect.get(value, 'changed_p') === 'function';
}

/** scenarios.rb's `norm`: plain JSON data (records as their attributes, a grouped calculation's Map as its pairs). */
function norm(value: unknown): unknown {
  if (value === undefined) return '<undefined>'; // Ruby has no undefined: kept visible, never equal to nil
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value); // as models.rb: JSON has no NaN
  if (typeof value !== 'object' || value === null) return value;
  if (isRecord(value)) return norm(value.attributes());
  if (value instanceof Map) return [...value].map(([k, x]) => [norm(k), norm(x)]);
  if (Array.isArray(value)) return value.map(norm);
  return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, norm(x)]));
}

/** Every scenario by name. A name given twice is refused: a later one would silently replace the first. */
function allScenarios(): Map<string, Scenario> {
  const all = new Map<string, Scenario>();
  const add = (name: string, scenario: Scenario) => {
    if (all.has(name)) throw new Error(`scenarios.ts: scenario ${name} defined twice`);
    all.set(name, scenario);
  };
  for (const [name, model, attributes] of validationCases) add(name, (m) => v(m[model], attributes));
  for (const [name, scenario] of Object.entries(scenarios)) add(name, scenario);
  for (const [name, scenario] of Object.entries(associationScenarios)) add(name, scenario);
  return all;
}

/** Runs every scenario, each on a fresh local Zero with the seed rows; the outputs by name, in scenarios.rb's shape. */
export async function runScenarios(): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  for (const [name, scenario] of allScenarios()) {
    const zero = localZero();
    try {
      const models = makeModels(zero);
      await seed(models, name.startsWith('as.'));
      outcomes.set(name, await outcomeOf(() => scenario(models)));
    } finally {
      await zero.close();
    }
  }
  return outcomes;
}

async function outcomeOf(scenario: () => unknown): Promise<Outcome> {
  try {
    return { value: norm(await scenario()) };
  } catch (error) {
    if (error instanceof Error) return { raised: { class: error.constructor.name, message: error.message } };
    return { raised: { class: typeof error, message: String(error) } };
  }
}
