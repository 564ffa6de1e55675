/**
 * Retention (issue 11 item 3, "Personal data"; POLICY.retention, AVG/GDPR art. 5(1)(e)): expired sessions 30 days
 * after expiry, finished invitations 90 days after, revoked API tokens 1 year after revocation; nothing younger, and
 * nothing still in use. Also the timer of `wbm serve` logs each run.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { useTestDb } from '../../test/helpers/test-db.ts';
import { createServices } from './container.ts';
import { describePrune, schedulePrune } from './retention.service.ts';

const t = useTestDb({ reference: false });
const ago = (days: number) => `now() - interval '${days} days'`;

async function world(): Promise<string> {
  const user = randomUUID();
  await t.db.query(`INSERT INTO users (id, email, name, role) VALUES ($1, $2, 'Retentie', 'ministerie_analist')`, [
    user,
    `r-${user}@example.invalid`,
  ]);
  const session = (expiresDaysAgo: number) =>
    t.db.query(
      `INSERT INTO sessions (id, token_hash, user_id, csrf_token, via, expires_at) VALUES ($1, $2, $3, 'x', 'password', ${ago(expiresDaysAgo)})`,
      [randomUUID(), randomUUID(), user],
    );
  await session(31); // gone
  await session(29); // kept: expired less than 30 days ago
  await session(-1); // kept: still valid
  const token = (revoked: string) =>
    t.db.query(`INSERT INTO api_tokens (id, token_hash, name, user_id, revoked_at) VALUES ($1, $2, 't', $3, ${revoked})`, [
      randomUUID(),
      randomUUID(),
      user,
    ]);
  await token(ago(366)); // gone
  await token(ago(300)); // kept
  await token('NULL'); // kept: in use
  const invitation = (fields: string) =>
    t.db.query(
      `INSERT INTO invitations (id, token_hash, email, name, role, expires_at, accepted_at, revoked_at) VALUES ($1, $2, 'x@example.invalid', 'X', 'ministerie_analist', ${fields})`,
      [randomUUID(), randomUUID()],
    );
  await invitation(`${ago(95)}, NULL, NULL`); // gone: expired 95 days ago
  await invitation(`${ago(80)}, ${ago(91)}, NULL`); // gone: accepted 91 days ago
  await invitation(`now(), NULL, ${ago(100)}`); // gone: revoked 100 days ago
  await invitation(`${ago(10)}, NULL, NULL`); // kept: expired 10 days ago
  await invitation(`now() + interval '5 days', NULL, NULL`); // kept: open
  return user;
}

describe('pruning by the retention policy', () => {
  it('removes what is past its period, keeps the rest, and says how many of each', async () => {
    const user = await world();
    const services = createServices(t.db);
    expect(await services.retention.prune()).toEqual({ sessions: 1, invitations: 3, apiTokens: 1 });
    expect((await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [user])).length).toBe(2);
    expect((await t.db.query('SELECT 1 FROM api_tokens WHERE user_id = $1', [user])).length).toBe(2);
    expect((await t.db.query('SELECT 1 FROM invitations')).length).toBe(2);
    // A second run finds nothing more.
    expect(await services.retention.prune()).toEqual({ sessions: 0, invitations: 0, apiTokens: 0 });
  });

  it('the server runs it at start and on a timer that does not keep the process alive, and logs each run', async () => {
    const lines: string[] = [];
    const service = { prune: vi.fn(async () => ({ sessions: 2, invitations: 0, apiTokens: 1 })) };
    const stop = schedulePrune(service, (l) => lines.push(l), 6);
    await vi.waitFor(() => expect(lines).toEqual(['retention: removed 2 expired sessions, 0 finished invitations, 1 revoked API token']));
    stop();
    expect(describePrune({ sessions: 1, invitations: 1, apiTokens: 0 })).toBe(
      'removed 1 expired session, 1 finished invitation, 0 revoked API tokens',
    );
  });
});
