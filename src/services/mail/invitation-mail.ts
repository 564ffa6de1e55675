/** The invitation e-mail (plain B1 Dutch, plain text): who invites you, for what, the one-time link and until when it works. */
import { formatDatum } from '../../domain/format-nl.ts';
import type { Mail } from './mailer.service.ts';

export interface InvitationMailInput {
  to: string;
  name: string;
  inviterName: string;
  roleLabel: string;
  /** The gemeente, table, organisation or province the role is for (null: none). */
  scopeName: string | null;
  link: string;
  /** When the link stops working (ISO date-time). */
  expiresAt: string;
}

/** The date in the Netherlands, as YYYY-MM-DD. */
const dutchDate = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

export function invitationMail(i: InvitationMailInput): Mail {
  const forWhat = i.scopeName ? `${i.roleLabel} (${i.scopeName})` : i.roleLabel;
  return {
    to: i.to,
    subject: 'Uitnodiging voor de Woningbouwmonitor',
    text: [
      `Beste ${i.name},`,
      '',
      `${i.inviterName} nodigt u uit voor de Woningbouwmonitor.`,
      `U krijgt een account als ${forWhat}.`,
      '',
      'Open deze link om uw account te maken. U kiest dan zelf een wachtwoord:',
      '',
      i.link,
      '',
      `De link werkt één keer, tot ${formatDatum(dutchDate(i.expiresAt))}.`,
      'Kent u deze uitnodiging niet? Dan kunt u deze e-mail weggooien.',
      '',
      'Met vriendelijke groet,',
      'Woningbouwmonitor',
      '',
    ].join('\n'),
  };
}
