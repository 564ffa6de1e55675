/** The reminder mail of a quarterly round (issue 12 item 8; SPEC §2 "Quarterly round"): plain Dutch, no codes, the link on its own line. */
import { describe, expect, it } from 'vitest';
import { roundReminderMail } from './round-reminder-mail.ts';

const base = {
  to: 'anna@gemeente.nl',
  name: 'Anna de Vries',
  organisationName: 'Gemeente Amsterdam',
  regionName: 'Versnellingstafel Amsterdam e.o.',
  quarterLabel: '4e kwartaal 2026',
  deadline: '2026-12-15',
  today: '2026-12-01',
  projects: [
    { name: 'Oostpoort', gemeenteName: 'Amsterdam' },
    { name: 'Zuidas', gemeenteName: 'Amsterdam' },
  ],
  total: 5,
  link: 'https://monitor.example.nl/mijn-kwartaalronde',
  senderName: 'Sam Secretaris',
};

describe('the reminder of a quarterly round', () => {
  it('names the round, the deadline, the projects still to do and the link to Mijn kwartaalronde', () => {
    const mail = roundReminderMail(base);
    expect(mail.to).toBe('anna@gemeente.nl');
    expect(mail.subject).toBe('Herinnering: kwartaalronde 4e kwartaal 2026 van Versnellingstafel Amsterdam e.o.');
    expect(mail.text).toContain('De deadline is 15 december 2026.');
    expect(mail.text).toContain(
      'Gemeente Amsterdam heeft 2 van de 5 projecten nog niet bijgewerkt of bevestigd:\n- Oostpoort (Amsterdam)\n- Zuidas (Amsterdam)',
    );
    expect(mail.text).toContain('\n\nhttps://monitor.example.nl/mijn-kwartaalronde\n\n');
    expect(mail.text).toMatch(/Met vriendelijke groet,\nSam Secretaris\nnamens Versnellingstafel Amsterdam e.o./);
    expect(mail.text).not.toMatch(/GM\d{4}|\d{4}-Q\d|[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('after the deadline asks to deliver as soon as possible', () => {
    expect(roundReminderMail({ ...base, today: '2026-12-16' }).text).toContain(
      'De deadline was 15 december 2026. Wilt u uw projecten zo snel mogelijk bijwerken?',
    );
  });
});
