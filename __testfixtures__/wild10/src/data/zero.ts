import {
  Zero,
  boolean,
  createSchema,
  number,
  relationships,
  string,
  table,
} from '@rocicorp/zero';

// ---------------------------------------------------------------------------
// Schema (mirrors db/schema.rb — keep in sync when running migrations)
// ---------------------------------------------------------------------------

const practices = table('practices')
  .columns({
    id: string(),
    name: string(),
    dentist_name: string(),
    account_code: string(),
    city: string(),
    phone: string().optional(),
    created_at: number(),
    updated_at: number(),
  })
  .primaryKey('id');

const technicians = table('technicians')
  .columns({
    id: string(),
    name: string(),
    specialty: string(),
    active: boolean(),
    created_at: number(),
    updated_at: number(),
  })
  .primaryKey('id');

const cases = table('cases')
  .columns({
    id: string(),
    case_number: string(),
    practice_id: string(),
    technician_id: string().optional(),
    patient_ref: string(),
    status: string(),
    rush: boolean(),
    shade: string().optional(),
    due_at: number(),
    received_at: number(),
    created_at: number(),
    updated_at: number(),
  })
  .primaryKey('id');

const restorations = table('restorations')
  .columns({
    id: string(),
    case_id: string(),
    tooth: number(),
    kind: string(),
    material: string(),
    shade: string().optional(),
    completed: boolean(),
    position: number(),
    created_at: number(),
    updated_at: number(),
  })
  .primaryKey('id');

const caseNotes = table('case_notes')
  .columns({
    id: string(),
    case_id: string(),
    author: string(),
    body: string(),
    created_at: number(),
    updated_at: number(),
  })
  .primaryKey('id');

const caseRelationships = relationships(cases, ({ one, many }) => ({
  practice: one({ sourceField: ['practice_id'], destField: ['id'], destSchema: practices }),
  technician: one({ sourceField: ['technician_id'], destField: ['id'], destSchema: technicians }),
  restorations: many({ sourceField: ['id'], destField: ['case_id'], destSchema: restorations }),
  notes: many({ sourceField: ['id'], destField: ['case_id'], destSchema: caseNotes }),
}));

const practiceRelationships = relationships(practices, ({ many }) => ({
  cases: many({ sourceField: ['id'], destField: ['practice_id'], destSchema: cases }),
}));

export const schema = createSchema({
  tables: [practices, technicians, cases, restorations, caseNotes],
  relationships: [caseRelationships, practiceRelationships],
});

export type Schema = typeof schema;

// ---------------------------------------------------------------------------
// Client holder. main.ts calls initZero() once; everything else calls getZero()
// and copes with null (ReactiveQuery retries until the client exists).
// ---------------------------------------------------------------------------

let client: Zero<Schema> | null = null;

export interface InitZeroOptions {
  userID: string;
  server: string;
  auth?: string;
}

export function initZero({ userID, server, auth }: InitZeroOptions): Zero<Schema> {
  if (client) return client;
  client = new Zero({
    userID,
    server,
    auth,
    schema,
    kvStore: import.meta.env.MODE === 'test' ? 'mem' : 'idb',
  });
  return client;
}

export function getZero(): Zero<Schema> | null {
  return client;
}

export function closeZero(): Promise<void> {
  const z = client;
  client = null;
  return z ? z.close() : Promise.resolve();
}
