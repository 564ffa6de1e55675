/**
 * Retention of what the monitor keeps about people's sign-in (issue 11 item 3, "Personal data"; AVG/GDPR art. 5(1)(e)):
 * expired sessions, finished invitations and revoked API tokens are removed once their period in
 * src/domain/policy.ts POLICY.retention has passed. Run by `wbm serve` at start and every few hours, and by
 * `wbm people prune`. No person's request reaches it: it decides nothing about who may see what.
 */
import { POLICY } from '../domain/policy.ts';
import type { Db } from '../storage/db.ts';
import type { PruneCounts, RetentionRepository } from '../storage/retention.repository.ts';

export function createRetentionService(deps: { db: Db; retention: RetentionRepository }) {
  const { db, retention } = deps;
  return {
    /** Remove what is past its retention period; how many of each kind. */
    async prune(): Promise<PruneCounts> {
      const r = POLICY.retention;
      return db.transaction((tx) =>
        retention.prune(tx, { sessions: r.expiredSessionDays, invitations: r.finishedInvitationDays, apiTokens: r.revokedApiTokenDays }),
      );
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;

/** One line for the log: "removed 3 expired sessions, 0 finished invitations, 1 revoked API token". */
export function describePrune(c: PruneCounts): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return `removed ${n(c.sessions, 'expired session', 'expired sessions')}, ${n(c.invitations, 'finished invitation', 'finished invitations')}, ${n(c.apiTokens, 'revoked API token', 'revoked API tokens')}`;
}

/**
 * Prune now and then every `hours` (the timer does not keep the process alive); each run is logged, a failure too.
 * Returns a function that stops the timer.
 */
export function schedulePrune(service: RetentionService, log: (line: string) => void, hours = POLICY.retention.pruneEveryHours): () => void {
  const run = () =>
    service.prune().then(
      (c) => log(`retention: ${describePrune(c)}`),
      (err: Error) => log(`retention: pruning failed: ${err.message}`),
    );
  void run();
  const timer = setInterval(run, hours * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
