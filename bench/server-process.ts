/**
 * The server in its own process, as the benchmarks measure it (bench:load, bench:export): a free port to start it
 * on, the process that serves (tsx starts node as a child), its resident memory and the CPU time it used.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** VmRSS of a process in MB. */
export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** CPU time (user + system) a process has used so far, in seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  // The fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
  const after = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
  return (Number(after[11]) + Number(after[12])) / 100;
}

/** The node process serving: tsx starts node as a child; follow it to the deepest descendant (the one running main.ts). */
export function serverPid(child: ChildProcess): number {
  const childrenOf = (pid: number): number[] => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  let pid = child.pid!;
  for (let kids = childrenOf(pid); kids.length > 0; kids = childrenOf(pid)) pid = kids[0]!;
  return pid;
}

/**
 * Waits until the server has made the national overview it prepares in the background once it listens
 * (src/cli/commands/serve.ts): asking for it waits for that preparation. Timed requests made meanwhile would share
 * the 2-core machine with it and measure the server's start instead of its steady state.
 */
export async function waitForNationalOverview(base: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(`${base}/api/v1/national/overview`, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`national overview: ${res.status}`);
}
