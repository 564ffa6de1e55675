/** Rename a table, and stop it (with a confirmation: a stopped table keeps its history but opens no new round). */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { OutcomeMessage, type Outcome } from './FormParts.tsx';
import { problemOf, type FieldErrors, type RegionDetail } from './regionInput.ts';
import { regionNameProblems } from '../../../../src/domain/region.ts';

export function NameSection({ region, onChanged }: { region: RegionDetail; onChanged: () => Promise<void> }) {
  const [name, setName] = useState(region.name);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      setMessage({ type: 'ok', text: done });
      await onChanged();
    } catch (err) {
      const answer = problemOf(err);
      setErrors(answer.errors);
      if (answer.message) setMessage({ type: 'error', text: answer.message });
      if (answer.stale) await onChanged();
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const issues = regionNameProblems(name, []);
    setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
    if (issues.length === 0) void run(() => api.renameRegion(region.id, { name: name.trim(), version: region.version }), 'De naam is opgeslagen.');
  };
  const stop = () =>
    run(() => api.endRegion(region.id, { endedOn: new Date().toISOString().slice(0, 10), version: region.version }), `${region.name} is gestopt.`);

  return (
    <Section id="naam" title="Naam en status">
      <OutcomeMessage outcome={message} testId="region-name-status" />
      <form onSubmit={rename} noValidate data-testid="region-rename-form">
        <FormField id="region-name" label="Naam" error={errors.name}>
          <TextInput
            id="region-name"
            value={name}
            maxLength={120}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'region-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </FormField>
        <Button appearance="primary-action" type="submit" disabled={busy}>
          Opslaan
        </Button>
      </form>
      {!region.endedOn && region.kind === 'versnellingstafel' && (
        <div data-testid="region-stop">
          <Paragraph>Stopt de tafel? Dan blijft de geschiedenis bewaard, maar kan er geen nieuwe kwartaalronde meer worden geopend.</Paragraph>
          {confirming ? (
            <Alert type="warning" title={`Weet u zeker dat ${region.name} stopt?`}>
              <ButtonGroup>
                <Button appearance="primary-action" disabled={busy} onClick={() => void stop()}>
                  Ja, tafel stoppen
                </Button>
                <Button appearance="secondary-action" onClick={() => setConfirming(false)}>
                  Nee, niet stoppen
                </Button>
              </ButtonGroup>
            </Alert>
          ) : (
            <Button appearance="secondary-action" onClick={() => setConfirming(true)}>
              Tafel stoppen
            </Button>
          )}
        </div>
      )}
    </Section>
  );
}
