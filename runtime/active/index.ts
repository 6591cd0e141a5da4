export { ActiveRecord, type ActiveModel, type ActiveModelStatics } from './model.ts';
export { ActiveRelation, type Subscriber } from './relation.ts';
export type { ActiveRecordInstance, RecordMethods } from './record.ts';
