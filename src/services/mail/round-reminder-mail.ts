/**
 * The reminder of a quarterly round (issue 12 item 8; SPEC §2 "Quarterly round"), plain B1 Dutch, plain text: which
 * round, the deadline, which projects of the organisation are still to update or confirm, and the link to the
 * person's own page "Mijn kwartaalronde". No codes: names and dates only.
 */
import { formatDatum } from '../../domain/format-nl.ts';
import type { Mail } from './mailer.service.ts';

export interface RoundReminderMailInput {
  to: string;
  name: string;
  organisationName: string;
  regionName: string;
  /** `4e kwartaal 2026`. */
  quarterLabel: string;
  /** YYYY-MM-DD. */
  deadline: string;
  /** YYYY-MM-DD, in the Netherlands: decides "is" or "was" for the deadline. */
  today: string;
  projects: ReadonlyArray<{ name: string; gemeenteName: string }>;
  total: number;
  link: string;
  senderName: string;
}

export function roundReminderMail(i: RoundReminderMailInput): Mail {
  const n = i.projects.length;
  const passed = i.deadline < i.today;
  return {
    to: i.to,
    subject: `Herinnering: kwartaalronde ${i.quarterLabel} van ${i.regionName}`,
    text: [
      `Beste ${i.name},`,
      '',
      `De kwartaalronde van ${i.regionName} over het ${i.quarterLabel} loopt nog.`,
      passed
        ? `De deadline was ${formatDatum(i.deadline)}. Wilt u uw projecten zo snel mogelijk bijwerken?`
        : `De deadline is ${formatDatum(i.deadline)}.`,
      '',
      `${i.organisationName} heeft ${n} van de ${i.total} ${i.total === 1 ? 'project' : 'projecten'} nog niet bijgewerkt of bevestigd:`,
      ...i.projects.map((p) => `- ${p.name} (${p.gemeenteName})`),
      '',
      'Werk deze projecten bij. Is er niets veranderd? Bevestig dan dat het project ongewijzigd is. Dat is één klik per project.',
      'U doet dit op uw pagina Mijn kwartaalronde:',
      '',
      i.link,
      '',
      'Met vriendelijke groet,',
      i.senderName,
      `namens ${i.regionName}`,
      '',
    ].join('\n'),
  };
}
