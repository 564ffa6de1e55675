/** Kwartaalronde: "Herinneringen verstuurd" — when, to which organisation, how many people, by whom (issue 12 item 8). */
import type { ReminderSent } from '../../api/types.ts';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { formatCount } from '../../labels.ts';

const when = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** How many people a send action reached for one organisation, in words. */
function reached(s: ReminderSent): string {
  if (s.noRecipient) return 'Niemand met een e-mailadres';
  const sent = formatCount(s.sent, 'persoon', 'mensen');
  return s.failed > 0 ? `${sent} (${formatCount(s.failed, 'bericht', 'berichten')} geweigerd)` : sent;
}

export function RemindersLog({ sent }: { sent: readonly ReminderSent[] }) {
  return (
    <div className="wbm-reminders-log">
      <Heading level={3}>Herinneringen verstuurd</Heading>
      <Table
        caption="Herinneringen per e-mail in deze ronde, nieuwste eerst"
        testId="reminders-log"
        rows={sent}
        rowKey={(s) => `${s.batchId}-${s.organisationId}`}
        rowHeaders={false}
        empty={<Paragraph>Er zijn in deze ronde nog geen herinneringen per e-mail verstuurd.</Paragraph>}
        columns={[
          { key: 'when', header: 'Verstuurd op', cell: (s) => when.format(new Date(s.sentAt)) },
          { key: 'organisation', header: 'Organisatie', cell: (s) => s.organisationName },
          { key: 'people', header: 'Aantal mensen', cell: reached },
          { key: 'by', header: 'Door', cell: (s) => s.sentByName ?? '–' },
        ]}
      />
    </div>
  );
}
