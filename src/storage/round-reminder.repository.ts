/**
 * E-mail reminders of a quarterly round (migration 0021; issue 12 item 8): who to mail for an organisation, and the log
 * of what was sent. SQL only.
 */
import type { Queryable } from './db.ts';

export type ReminderOutcome = 'verzonden' | 'mislukt' | 'geen_ontvanger';

export interface ReminderRecipient {
  userId: string;
  organisationId: string;
  name: string;
  email: string;
}

export interface ReminderLogRow {
  roundId: string;
  batchId: string;
  organisationId: string;
  recipientUserId: string | null;
  sentByUserId: string | null;
  outcome: ReminderOutcome;
}

/** One send action for one organisation, as the round page shows it. */
export interface ReminderLogEntry {
  batchId: string;
  organisationId: string;
  organisationName: string;
  sentAt: string;
  /** The sender's current name (null when the account is gone). */
  sentByName: string | null;
  sent: number;
  failed: number;
  /** Nobody with an active account and e-mail address to mail. */
  noRecipient: boolean;
}

export function createRoundReminderRepository() {
  return {
    /**
     * The active people of these organisations who deliver for them in a round (src/domain/access.ts
     * deliveringOrganisation): a gemeente's project leaders (their organisation, or else their gemeente's), a market
     * party's editors. Deactivated, pseudonymised and demo accounts are left out: they are nobody to mail.
     */
    async recipients(q: Queryable, organisationIds: readonly string[]): Promise<ReminderRecipient[]> {
      if (organisationIds.length === 0) return [];
      return q.query<ReminderRecipient>(
        `SELECT u.id AS "userId", o.id AS "organisationId", u.name, u.email
         FROM users u
         JOIN organisations o ON o.id = COALESCE(u.organisation_id,
           (SELECT g.id FROM organisations g WHERE g.type = 'gemeente' AND g.gemeente_code = u.gemeente_code ORDER BY g.id LIMIT 1))
         WHERE o.id = ANY($1::uuid[]) AND u.role IN ('gemeente_editor', 'marktpartij_editor')
           AND NOT u.disabled AND NOT u.is_demo AND u.pseudonymised_at IS NULL AND u.email <> ''
         ORDER BY o.id, u.name, u.id`,
        [[...organisationIds]],
      );
    },

    async insertLog(q: Queryable, rows: readonly ReminderLogRow[]): Promise<void> {
      if (rows.length === 0) return;
      const values: unknown[] = [];
      const tuples = rows.map((r, i) => {
        values.push(crypto.randomUUID(), r.roundId, r.batchId, r.organisationId, r.recipientUserId, r.sentByUserId, r.outcome);
        const b = i * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await q.query(
        `INSERT INTO round_reminders (id, round_id, batch_id, organisation_id, recipient_user_id, sent_by_user_id, outcome) VALUES ${tuples.join(', ')}`,
        values,
      );
    },

    /** What was sent in a round, per send action and organisation, latest first. */
    async log(q: Queryable, roundId: string): Promise<ReminderLogEntry[]> {
      const rows = await q.query<ReminderLogEntry & { sentAt: string | Date }>(
        `SELECT r.batch_id AS "batchId", r.organisation_id AS "organisationId", o.name AS "organisationName", max(r.sent_at) AS "sentAt",
           max(u.name) AS "sentByName",
           count(*) FILTER (WHERE r.outcome = 'verzonden')::int AS sent,
           count(*) FILTER (WHERE r.outcome = 'mislukt')::int AS failed,
           bool_or(r.outcome = 'geen_ontvanger') AS "noRecipient"
         FROM round_reminders r JOIN organisations o ON o.id = r.organisation_id LEFT JOIN users u ON u.id = r.sent_by_user_id
         WHERE r.round_id = $1
         GROUP BY r.batch_id, r.organisation_id, o.name
         ORDER BY max(r.sent_at) DESC, o.name`,
        [roundId],
      );
      return rows.map((r) => ({ ...r, sentAt: new Date(r.sentAt).toISOString(), sent: Number(r.sent), failed: Number(r.failed) }));
    },
  };
}

export type RoundReminderRepository = ReturnType<typeof createRoundReminderRepository>;
