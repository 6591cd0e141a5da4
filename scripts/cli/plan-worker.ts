/** A planning worker: claims the files of each run the CLI sends, one message per file so progress can follow. */
import { parentPort, workerData } from 'node:worker_threads';
import { NEXT_FILE, STOP, type PlanRunMessage, type PlanWorkerData, type PlanWorkerMessage } from './plan-messages.ts';
import { planProjectFile } from './plan-one.ts';

const { root } = workerData as PlanWorkerData;
const port = parentPort!;
const send = (message: PlanWorkerMessage) => port.postMessage(message);

port.on('message', ({ run, files, options, shared }: PlanRunMessage) => {
  const counters = new Int32Array(shared);
  for (;;) {
    if (Atomics.load(counters, STOP)) return;
    const index = Atomics.add(counters, NEXT_FILE, 1);
    if (index >= files.length) return;
    const file = files[index]!;
    try {
      send({ kind: 'planned', run, index, plan: planProjectFile(root, file, options) });
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      send({ kind: 'crashed', run, file, message: e.message, stack: e.stack ?? e.message });
      return;
    }
  }
});
