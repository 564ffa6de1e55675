/** One data-version read for many concurrent requests, never one that started before a request arrived (issue 15 goal 1). */
import { describe, expect, it } from 'vitest';
import type { DataVersion } from '../storage/data-version.repository.ts';
import { createDataVersionReader } from './data-version-reader.ts';

/** A database whose version reads are answered by hand: each read sees the version as it is when it starts. */
function manualDb() {
  let version = 1;
  const started: Array<{ sees: number; answer: () => void }> = [];
  const read = () =>
    new Promise<DataVersion>((resolve) => {
      const sees = version;
      started.push({ sees, answer: () => resolve({ version: sees, changedAt: new Date(0).toISOString() }) });
    });
  return {
    started,
    write: () => void (version += 1),
    reader: createDataVersionReader({ query: async () => [] }, read),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('data version reader', () => {
  it('alone: one read per call', async () => {
    const db = manualDb();
    const a = db.reader.read();
    db.started[0]!.answer();
    expect((await a).version).toBe(1);
    const b = db.reader.read();
    expect(db.started).toHaveLength(2);
    db.started[1]!.answer();
    expect((await b).version).toBe(1);
  });

  it('callers arriving while a read runs share the next read, which sees a write made before they arrived', async () => {
    const db = manualDb();
    const first = db.reader.read();
    db.write(); // committed after the first read started, before the next callers arrived
    const second = db.reader.read();
    const third = db.reader.read();
    expect(db.started).toHaveLength(1);
    db.started[0]!.answer();
    expect((await first).version).toBe(1);
    await flush();
    expect(db.started).toHaveLength(2);
    db.started[1]!.answer();
    expect((await second).version).toBe(2);
    expect(await third).toBe(await second);
  });

  it('a failed read fails its callers only; the waiting ones get a fresh read', async () => {
    let calls = 0;
    const reader = createDataVersionReader({ query: async () => [] }, async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection lost');
      return { version: 7, changedAt: new Date(0).toISOString() };
    });
    const failing = reader.read();
    const waiting = reader.read();
    await expect(failing).rejects.toThrow('connection lost');
    expect((await waiting).version).toBe(7);
  });
});
