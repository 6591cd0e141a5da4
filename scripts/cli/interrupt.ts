/**
 * SIGINT during a run: finish the file being written (writes are atomic anyway), then stop, so the manifest
 * written first describes everything rollback may need to undo.
 */
export interface InterruptWatch {
  (): void;
  readonly interrupted: boolean;
}

export function onInterrupt(): InterruptWatch {
  let interrupted = false;
  const handler = () => {
    interrupted = true;
  };
  process.on('SIGINT', handler);
  const stop = () => void process.off('SIGINT', handler);
  Object.defineProperty(stop, 'interrupted', { get: () => interrupted });
  return stop as InterruptWatch;
}
