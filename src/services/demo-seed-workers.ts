/**
 * The demo seed's generation in worker threads (issue 14: a first start healthy within seconds): each worker
 * generates a share of the gemeenten and makes their COPY text while the database writes what came before,
 * so on two cores generating, formatting and writing run side by side instead of one after the other.
 * Chunks arrive in the order they are ready; every gemeente draws from its own random stream, so the rows
 * are those of generating in-process (src/services/demo-seed.service.test.ts checks this).
 */
import { Worker } from 'node:worker_threads';
import type { DemoGemeente, DemoOptions, DemoShare } from '../demo/generate-demo.ts';
import type { SeedChunk } from './demo-seed-rows.ts';

export interface WorkerInput {
  gemeenten: DemoGemeente[];
  options: DemoOptions;
  share: DemoShare;
  orgIdMap: Array<[string, string]>;
  provincieOf: Array<[string, string]>;
  now: string;
  /** Projects per posted chunk. */
  chunkProjects: number;
  /** Chunks a worker may post before the writer has taken them: bounds the memory they hold. */
  ahead: number;
}

export type WorkerMessage = { kind: 'chunk'; chunk: SeedChunk } | { kind: 'done' };

/**
 * Defined by the CLI bundle (bin/wbm.js) as the bundled worker's file name next to the bundle: the thread loads
 * that plain JavaScript. Undefined when the sources run through tsx.
 */
declare const WBM_BUNDLED_SEED_WORKER: string | undefined;

const WORKER = new URL('./demo-seed.worker.ts', import.meta.url).href;

/**
 * The worker's entry and how it is given: the bundled worker as it is; else code that registers the TypeScript
 * loader (tsx) in the thread — Node 20 does not carry the process's loader into a worker's entry — then loads
 * demo-seed.worker.ts.
 */
function workerEntry(): { entry: string | URL; eval: boolean } {
  if (typeof WBM_BUNDLED_SEED_WORKER === 'string') return { entry: new URL(WBM_BUNDLED_SEED_WORKER, import.meta.url), eval: false };
  const entry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); })`;
  return { entry, eval: true };
}

/**
 * Start generating the demo in `workers` threads (shares of the gemeenten) at once; `chunks` yields them as they
 * are ready and stops the threads when the reading ends. `stop` stops them too, whether or not `chunks` was read
 * (a seed that fails before or while writing calls it, so no thread is left waiting).
 */
export function generateInWorkers(
  input: Omit<WorkerInput, 'share'>,
  workers: number,
): { chunks: AsyncGenerator<SeedChunk>; stop: () => Promise<void> } {
  const queue: Array<{ chunk: SeedChunk; from: Worker }> = [];
  let running = workers;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const { entry, eval: isCode } = workerEntry();
  const threads = Array.from({ length: workers }, (_, index) => {
    const worker = new Worker(entry, {
      eval: isCode,
      workerData: { ...input, share: { index, of: workers } } satisfies WorkerInput,
      execArgv: [],
    });
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'chunk') queue.push({ chunk: message.chunk, from: worker });
      else running--;
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a demo seed worker stopped with exit code ${code}`);
      notify();
    });
    return worker;
  });
  const stop = async () => {
    await Promise.all(threads.map((t) => t.terminate()));
  };
  return { chunks: chunks(), stop };

  async function* chunks(): AsyncGenerator<SeedChunk> {
    try {
      for (;;) {
        if (failure) throw failure;
        const next = queue.shift();
        if (next) {
          yield next.chunk;
          next.from.postMessage('more');
          continue;
        }
        if (running === 0) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      await stop();
    }
  }
}
