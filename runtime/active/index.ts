export { ActiveRecord, type ActiveModel, type ActiveModelStatics, type ActiveScoped } from './model.ts';
export { ActiveRelation, type ActiveGrouped, type Subscriber } from './relation.ts';
export type { ActiveRecordInstance, RecordMethods } from './record.ts';
