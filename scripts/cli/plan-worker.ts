/** A planning worker: plans the batches the CLI sends, one message per file so progress can follow. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PlanBatch, PlanWorkerData, PlanWorkerMessage } from './plan-messages.ts';
import { planProjectFile } from './plan-one.ts';

const { root } = workerData as PlanWorkerData;
const port = parentPort!;
const send = (message: PlanWorkerMessage) => port.postMessage(message);

port.on('message', ({ first, files, options }: PlanBatch) => {
  for (const [i, file] of files.entries()) {
    try {
      send({ kind: 'planned', index: first + i, plan: planProjectFile(root, file, options) });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      send({ kind: 'crashed', file, message: e.message, stack: e.stack ?? e.message });
      return;
    }
  }
  send({ kind: 'batch-done' });
});
