/**
 * E-mail reminders of a quarterly round (issue 12 item 8; SPEC §2 "Quarterly round": the system shows who has
 * delivered; `004`: the round is an effort for the parties, so remind them in time). Whoever runs the round sends one
 * mail to each active person of each party that has not delivered (optionally only chosen organisations), with the
 * deadline, their projects still to do and a link to their page "Mijn kwartaalronde". Every mail sent (or not) is logged
 * on the round, and the sending is in the audit trail. Without mail set up (SMTP_URL) nothing is sent: 503.
 */
import { randomUUID } from 'node:crypto';
import { requireMayMailPeople, type Principal } from '../domain/access.ts';
import type { Actor } from '../domain/audit.ts';
import { ConflictError, ServiceUnavailableError, ValidationError, type Issue } from '../domain/errors.ts';
import { formatDatum } from '../domain/format-nl.ts';
import { kwartaalLabel } from '../domain/kwartaal.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db } from '../storage/db.ts';
import type { ReminderLogEntry, ReminderLogRow, RoundReminderRepository } from '../storage/round-reminder.repository.ts';
import { roundReminderMail } from './mail/round-reminder-mail.ts';
import type { Mailer } from './mail/mailer.service.ts';
import type { Reminder, RoundService, RoundSummary } from './round.service.ts';
import { todayInNetherlands } from './today.ts';

/** The path of the page where a party does its round (issue 12 item 1). */
export const MY_ROUND_PATH = '/mijn-kwartaalronde';

export interface ReminderOverview {
  round: RoundSummary;
  items: Reminder[];
  /** Whether e-mail is set up on this server (SMTP_URL); without it the list is copied by hand. */
  mail: { configured: boolean };
  /** What was sent in this round, per send action and organisation, latest first. */
  sent: ReminderLogEntry[];
}

export interface ReminderResult {
  organisationId: string;
  organisationName: string;
  sent: number;
  failed: number;
  noRecipient: boolean;
}

export const MAIL_NOT_CONFIGURED =
  'Op deze server is geen e-mail ingesteld, dus de monitor kan geen herinneringen versturen. Kopieer de maillijst en stuur die zelf, of vraag de beheerder om e-mail in te stellen.';

export function createRoundReminderService(deps: {
  db: Db;
  rounds: RoundService;
  reminders: RoundReminderRepository;
  mailer: Mailer;
  audit: AuditRepository;
  /** Base URL for links (PUBLIC_URL); null: the origin of the request. */
  publicUrl: string | null;
  today?: () => string;
}) {
  const { db, rounds, reminders, mailer, audit } = deps;
  const today = deps.today ?? (() => todayInNetherlands());

  return {
    /** Who still has to deliver (the mailing list), whether mail is set up, and what was sent: for who runs the round. */
    async overview(roundId: string, principal: Principal): Promise<ReminderOverview> {
      const base = await rounds.reminders(roundId, principal);
      return { ...base, mail: { configured: mailer.configured }, sent: await reminders.log(db, roundId) };
    },

    /**
     * Mail every active person of each party that has not delivered (or of the chosen ones among them). Refused: a
     * closed round (409), no mail set up (503), an organisation that has nothing outstanding (422 on its field).
     */
    async send(
      roundId: string,
      request: { organisationIds?: string[] },
      actor: Actor,
      origin: string,
    ): Promise<ReminderOverview & { batchId: string; results: ReminderResult[] }> {
      const principal = actor.principal;
      // Who may remind: who runs the round (404 for whoever may not see it, 403 for others), then never a demo role.
      const base = await rounds.reminders(roundId, principal);
      requireMayMailPeople(principal);
      const round = base.round;
      if (round.status !== 'open') {
        throw new ConflictError(`De kwartaalronde van het ${kwartaalLabel(round.quarter)} is gesloten: er valt niets meer te herinneren.`);
      }
      if (!mailer.configured) throw new ServiceUnavailableError(MAIL_NOT_CONFIGURED);
      const outstanding = new Map(base.items.map((o) => [o.organisationId, o]));
      const issues: Issue[] = [];
      (request.organisationIds ?? []).forEach((id, i) => {
        if (!outstanding.has(id)) {
          issues.push({
            path: `organisationIds[${i}]`,
            code: 'nothing_outstanding',
            message: 'Deze organisatie heeft alles geleverd of is geen partij in deze ronde: er is niets om aan te herinneren.',
          });
        }
      });
      if (issues.length > 0) throw new ValidationError(issues);
      const chosen = request.organisationIds ? [...new Set(request.organisationIds)].map((id) => outstanding.get(id)!) : base.items;
      if (chosen.length === 0) {
        throw new ValidationError([
          { path: 'organisationIds', code: 'nothing_outstanding', message: 'Iedereen heeft geleverd: er is niemand om aan te herinneren.' },
        ]);
      }

      const people = await reminders.recipients(
        db,
        chosen.map((o) => o.organisationId),
      );
      const link = `${deps.publicUrl ?? origin}${MY_ROUND_PATH}`;
      const batchId = randomUUID();
      const log: ReminderLogRow[] = [];
      const results: ReminderResult[] = [];
      for (const organisation of chosen) {
        const result: ReminderResult = {
          organisationId: organisation.organisationId,
          organisationName: organisation.name,
          sent: 0,
          failed: 0,
          noRecipient: false,
        };
        const recipients = people.filter((p) => p.organisationId === organisation.organisationId);
        if (recipients.length === 0) {
          result.noRecipient = true;
          log.push({
            roundId,
            batchId,
            organisationId: organisation.organisationId,
            recipientUserId: null,
            sentByUserId: principal.userId,
            outcome: 'geen_ontvanger',
          });
        }
        for (const person of recipients) {
          const mail = roundReminderMail({
            to: person.email,
            name: person.name,
            organisationName: organisation.name,
            regionName: round.regionName,
            quarterLabel: kwartaalLabel(round.quarter),
            deadline: round.deadline,
            today: today(),
            projects: organisation.projects,
            total: organisation.total,
            link,
            senderName: principal.name,
          });
          // A refused mail is logged as failed; the others still go out.
          const ok = await mailer.send(mail).then(
            (r) => r.sent,
            () => false,
          );
          if (ok) result.sent += 1;
          else result.failed += 1;
          log.push({
            roundId,
            batchId,
            organisationId: organisation.organisationId,
            recipientUserId: person.userId,
            sentByUserId: principal.userId,
            outcome: ok ? 'verzonden' : 'mislukt',
          });
        }
        results.push(result);
      }
      const sent = results.reduce((n, r) => n + r.sent, 0);
      await db.transaction(async (tx) => {
        await reminders.insertLog(tx, log);
        await audit.append(tx, [
          {
            actorUserId: principal.userId,
            actorName: principal.name,
            via: actor.via,
            entityType: 'kwartaalronde',
            entityId: roundId,
            action: `herinnering per e-mail verstuurd aan ${sent} ${sent === 1 ? 'persoon' : 'personen'} (deadline ${formatDatum(round.deadline)})`,
            changes: [
              { field: 'batchId', old: null, new: batchId },
              ...results.map((r) => ({
                field: `reminders.${r.organisationId}`,
                old: null,
                new: { sent: r.sent, failed: r.failed, noRecipient: r.noRecipient },
              })),
            ],
          },
        ]);
      });
      return { ...base, mail: { configured: true }, sent: await reminders.log(db, roundId), batchId, results };
    },
  };
}

export type RoundReminderService = ReturnType<typeof createRoundReminderService>;
