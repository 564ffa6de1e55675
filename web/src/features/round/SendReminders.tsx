/**
 * Kwartaalronde: e-mail the reminders (issue 12 item 8). The organisations that have not delivered, each checked (uncheck
 * to leave one out), and one button that mails every active person of them with the deadline, their projects and a link
 * to their page Mijn kwartaalronde. Without e-mail on the server the button cannot be pressed and says why; the list to
 * copy (RemindersSection) stays. What was sent is logged on the round (RemindersLog).
 */
import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import { remindersSent } from '../../api/invalidation.ts';
import type { Reminders, RemindersSent, RoundDetail } from '../../api/types.ts';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FieldError } from '../../components/FieldError.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { formatCount } from '../../labels.ts';

/** What a send action did, in one or two plain sentences. */
export function sentMessage(result: RemindersSent): string {
  const people = result.results.reduce((n, r) => n + r.sent, 0);
  const orgs = result.results.filter((r) => r.sent > 0).length;
  const parts = [`Herinnering verstuurd aan ${formatCount(people, 'persoon', 'mensen')} van ${formatCount(orgs, 'organisatie', 'organisaties')}.`];
  const nobody = result.results.filter((r) => r.noRecipient).map((r) => r.organisationName);
  if (nobody.length > 0) parts.push(`Bij ${nobody.join(', ')} is niemand met een account en e-mailadres: neem zelf contact op.`);
  const failed = result.results.filter((r) => r.failed > 0).map((r) => r.organisationName);
  if (failed.length > 0) parts.push(`Bij ${failed.join(', ')} weigerde de mailserver een of meer berichten. Probeer het later opnieuw.`);
  return parts.join(' ');
}

export function SendReminders({ round, reminders }: { round: RoundDetail; reminders: Reminders }) {
  const id = useId();
  const client = useQueryClient();
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const configured = reminders.mail.configured;
  const chosen = reminders.items.filter((o) => !left.has(o.organisationId)).map((o) => o.organisationId);

  const send = async () => {
    setProblem(null);
    setStatus(null);
    if (chosen.length === 0) {
      setChoiceError('Kies minstens één organisatie.');
      return;
    }
    setChoiceError(null);
    setBusy(true);
    try {
      const result = await api.sendReminders(round.id, chosen.length === reminders.items.length ? {} : { organisationIds: chosen });
      setStatus(sentMessage(result));
      await remindersSent(client, round.id);
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het versturen is niet gelukt.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wbm-send-reminders" data-testid="send-reminders">
      <Heading level={3}>Herinnering per e-mail</Heading>
      {configured ? (
        <>
          <Paragraph id={`${id}-help`}>
            De monitor stuurt iedereen met een account bij deze organisaties een e-mail met de deadline, hun projecten die nog open staan en een link
            naar hun pagina Mijn kwartaalronde.
          </Paragraph>
          <Fieldset legend="Wie krijgt een herinnering?">
            {choiceError && <FieldError id={`${id}-choice-error`}>{choiceError}</FieldError>}
            {reminders.items.map((o) => (
              <CheckboxField
                key={o.organisationId}
                id={`${id}-${o.organisationId}`}
                label={`${o.name} (${formatCount(o.outstanding, 'project', 'projecten')} nog niet geleverd)`}
                checked={!left.has(o.organisationId)}
                onChange={(checked) => {
                  const next = new Set(left);
                  if (checked) next.delete(o.organisationId);
                  else next.add(o.organisationId);
                  setLeft(next);
                }}
              />
            ))}
          </Fieldset>
        </>
      ) : (
        <Paragraph id={`${id}-help`} data-testid="mail-not-configured">
          Op deze server is geen e-mail ingesteld. Daarom kan de monitor zelf geen herinneringen versturen. Kopieer hieronder de maillijst en stuur
          die zelf, of vraag de beheerder om e-mail in te stellen.
        </Paragraph>
      )}
      <Button appearance="primary-action" disabled={!configured || busy} aria-describedby={`${id}-help`} onClick={() => void send()}>
        Herinnering per e-mail versturen
      </Button>
      <ActionFeedback status={status} problem={problem} testId="reminders-status" />
    </div>
  );
}
