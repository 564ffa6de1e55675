/** The test mail sink receives what the mailer sends, with the body decoded (a long link intact). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer.service.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/helpers/smtp-sink.ts';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe('smtp sink and mailer', () => {
  it('delivers a plain-text mail with its subject and an unbroken long link', async () => {
    const link = `http://127.0.0.1:1234/uitnodiging/${'a'.repeat(120)}`;
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Woningbouwmonitor <noreply@localhost>' });
    expect(mailer.configured).toBe(true);
    const waiting = sink.waitForMessageTo('Anna@Example.nl');
    expect(
      await mailer.send({ to: 'anna@example.nl', subject: 'Uitnodiging voor de Woningbouwmonitor — één stap', text: `Hallo,\n\n${link}\n` }),
    ).toEqual({ sent: true });
    const mail = await waiting;
    expect(mail.to).toEqual(['anna@example.nl']);
    expect(mail.subject).toBe('Uitnodiging voor de Woningbouwmonitor — één stap');
    expect(mail.text).toContain(link);
    expect(sink.messages).toHaveLength(1);
  });

  it('without SMTP_URL sends nothing and says so', async () => {
    const mailer = createMailer(null);
    expect(mailer.configured).toBe(false);
    expect(await mailer.send({ to: 'x@example.nl', subject: 's', text: 't' })).toEqual({ sent: false });
  });

  it('waiting for a mail that never comes fails after the timeout', async () => {
    await expect(sink.waitForMessageTo('nobody@example.nl', 50)).rejects.toThrow(/no mail to nobody@example.nl/);
  });
});
