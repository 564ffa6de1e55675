/** Kwartaalronde: who still has to deliver — e-mailed by the monitor, or as a list to paste into a mail — and what was sent. */
import { useId, useState } from 'react';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { RoundDetail } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { formatCount, formatDate, formatNumber } from '../../labels.ts';
import { remindersText } from './quarters.ts';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { FormField } from '../../components/FormField.tsx';
import { ProjectNameList } from './ProjectNameList.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { RemindersLog } from './RemindersLog.tsx';
import { SendReminders } from './SendReminders.tsx';

/** Organisations that still have to deliver, with their projects, as a list to paste into a mail. */
export function RemindersSection({ round }: { round: RoundDetail }) {
  const id = useId();
  // A party's delivery (a confirmation, a change of a project) refreshes the round's queries, this one too (invalidation.ts).
  const reminders = useApi(queryKeys.round.reminders(round.id), (signal) => api.reminders(round.id, signal));
  const [copied, setCopied] = useState<string | null>(null);
  const text = reminders.data ? remindersText(round.quarter, formatDate(round.deadline), reminders.data.items) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('De maillijst staat op het klembord. Plak hem in uw e-mail.');
    } catch {
      setCopied('Kopiëren lukte niet. Selecteer de tekst in het vak en kopieer hem zelf.');
    }
  };
  return (
    <Section id={`${id}-title`} title="Herinneren">
      {reminders.state === 'loading' && <Loading />}
      {reminders.state === 'error' && <ErrorMessage error={reminders.error} retry={reminders.reload} />}
      {reminders.state === 'ready' && reminders.data.items.length === 0 && (
        <Paragraph>Iedereen heeft geleverd. Er hoeft niemand herinnerd te worden.</Paragraph>
      )}
      {reminders.state === 'ready' && reminders.data.items.length > 0 && <SendReminders round={round} reminders={reminders.data} />}
      {reminders.state === 'ready' && reminders.data.items.length > 0 && (
        <>
          <Paragraph>
            {formatCount(reminders.data.items.length, 'organisatie heeft', 'organisaties hebben')} nog niet alles geleverd. U kunt ook de lijst
            kopiëren en hem meesturen in uw eigen e-mail.
          </Paragraph>
          <ul className="wbm-reminders" data-testid="reminders">
            {reminders.data.items.map((o) => (
              <li key={o.organisationId}>
                <details>
                  <summary>
                    <strong>{o.name}</strong>: {formatNumber(o.outstanding)} van {formatNumber(o.total)} nog niet geleverd
                  </summary>
                  <ProjectNameList projects={o.projects} projectKey={(p) => p.id} />
                </details>
              </li>
            ))}
          </ul>
          <FormField id={`${id}-text`} label="Maillijst (om te kopiëren)">
            <Textarea id={`${id}-text`} className="wbm-mail-text" readOnly rows={8} value={text} />
          </FormField>
          <Button appearance="secondary-action" onClick={copy}>
            Kopieer maillijst
          </Button>
          <Paragraph role="status">{copied}</Paragraph>
        </>
      )}
      {reminders.state === 'ready' && <RemindersLog sent={reminders.data.sent} />}
    </Section>
  );
}
