/**
 * A worker thread of the demo seed: generates its share of the demo's gemeenten (generateDemoParts), makes
 * the register's rows and their COPY text (demo-seed-rows.ts), and posts them in chunks of about
 * `chunkProjects` projects, never more than `ahead` chunks ahead of the writer (which answers 'more' per chunk
 * written). Started by demo-seed-workers.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateDemoParts } from '../demo/generate-demo.ts';
import { chunkParts, seedChunk, seedRows, type PartChunk, type RowContext } from './demo-seed-rows.ts';
import type { WorkerInput, WorkerMessage } from './demo-seed-workers.ts';

const input = workerData as WorkerInput;
const port = parentPort!;
const ctx: RowContext = { orgIdMap: new Map(input.orgIdMap), provincieOf: new Map(input.provincieOf), now: input.now };

let credit = input.ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
});

async function post(part: PartChunk): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  credit--;
  const chunk = seedChunk(seedRows(part, ctx), part.partsDone);
  const message: WorkerMessage = { kind: 'chunk', chunk };
  port.postMessage(
    message,
    chunk.batches.map((b) => b.text.buffer),
  );
}

for (const part of chunkParts(generateDemoParts(input.gemeenten, input.options, input.share).parts, input.chunkProjects)) await post(part);
const done: WorkerMessage = { kind: 'done' };
port.postMessage(done);
