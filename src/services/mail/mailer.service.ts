/**
 * Sending one e-mail (invitations now, quarterly-round reminders later). Plain text only, base64-encoded, so a long link
 * in the text is never broken by line wrapping. Without SMTP_URL the mailer is "not configured": it sends nothing and says so
 * (`sent: false`), and the caller shows the link on screen instead.
 */
import nodemailer from 'nodemailer';

export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://…; null: mail is not configured. */
  smtpUrl: string | null;
  /** Sender, e.g. `Woningbouwmonitor <noreply@example.nl>`. */
  from: string;
}

export const DEFAULT_MAIL_FROM = 'Woningbouwmonitor <noreply@localhost>';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text (B1 Dutch); links on a line of their own. */
  text: string;
}

export interface Mailer {
  /** Whether mail is configured (SMTP_URL set). */
  readonly configured: boolean;
  /** Send one mail; `sent: false` when mail is not configured. Throws when the mail server refuses it. */
  send(mail: Mail): Promise<{ sent: boolean }>;
}

export function createMailer(config: MailConfig | null | undefined): Mailer {
  if (!config?.smtpUrl) {
    return { configured: false, send: async () => ({ sent: false }) };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, textEncoding: 'base64' });
      return { sent: true };
    },
  };
}
