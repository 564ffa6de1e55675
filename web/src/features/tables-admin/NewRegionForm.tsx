/**
 * "Nieuwe versnellingstafel": name, kind, gemeenten (GemeentePicker) and the quarter from which it applies (default
 * the current quarter). Checked before sending with the server's rules; the server's errors (a gemeente outside the
 * province, a quarter already closed) appear next to the field. A gemeente in another running table moves to the new one
 * from the chosen quarter, and the form says so before it is sent. The new table appears in the list below.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useReference } from '../../api/hooks.ts';
import { regionsChanged } from '../../api/invalidation.ts';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { GemeentePicker } from './GemeentePicker.tsx';
import { MovingNotice, QuarterField } from './FormParts.tsx';
import { currentQuarter, problemOf, regionFormErrors, tableOf, type FieldErrors } from './regionInput.ts';

const describedBy = (id: string, error: string | undefined) => (error ? `${id}-error` : undefined);

export function NewRegionForm({ onCreated }: { onCreated: (message: string) => void }) {
  const client = useQueryClient();
  const gemeenten = useReference('gemeenten');
  const regions = useReference('regions');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'versnellingstafel' | 'woondealregio'>('versnellingstafel');
  const [codes, setCodes] = useState<string[]>([]);
  const [fromQuarter, setFromQuarter] = useState(currentQuarter());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Bumped after a table is made: the gemeente picker starts again with an empty search. */
  const [pickerResets, setPickerResets] = useState(0);
  const moving = kind === 'versnellingstafel' ? codes.filter((c) => tableOf(regions.data ?? [], c, null)) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const known = new Set((gemeenten.data ?? []).map((g) => g.code));
    const found = regionFormErrors({ name, gemeenteCodes: codes, fromQuarter }, regions.data ?? [], known);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const created = await api.createRegion({ kind, name: name.trim(), gemeenteCodes: codes, fromQuarter, moveFromOtherTables: moving.length > 0 });
      await regionsChanged(client);
      setName('');
      setCodes([]);
      setPickerResets((n) => n + 1);
      onCreated(`${created.name} is aangemaakt.`);
    } catch (err) {
      const answer = problemOf(err);
      setErrors(answer.errors);
      setProblem(answer.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="nieuw" title="Nieuwe versnellingstafel">
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="region-new-form">
        <FormField id="region-new-name" label="Naam" error={errors.name}>
          <TextInput
            id="region-new-name"
            value={name}
            maxLength={120}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('region-new-name', errors.name)}
            onChange={(e) => setName(e.target.value)}
          />
        </FormField>
        <FormField id="region-new-kind" label="Soort" error={errors.kind}>
          <Select id="region-new-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="versnellingstafel">Versnellingstafel</option>
            <option value="woondealregio">Woondealregio</option>
          </Select>
        </FormField>
        {gemeenten.data && regions.data && (
          <GemeentePicker
            key={pickerResets}
            id="region-new-gemeenten"
            gemeenten={gemeenten.data}
            regions={regions.data}
            ownId={null}
            chosen={codes}
            onChange={setCodes}
            error={errors.gemeenteCodes ?? null}
          />
        )}
        <QuarterField
          id="region-new-from"
          value={fromQuarter}
          from={currentQuarter()}
          error={errors.fromQuarter}
          description="Vanaf dit kwartaal horen de gemeenten bij de tafel."
          onChange={setFromQuarter}
        />
        <MovingNotice count={moving.length} fromQuarter={fromQuarter} />
        <Button appearance="primary-action" type="submit" disabled={busy}>
          Versnellingstafel aanmaken
        </Button>
      </form>
    </Section>
  );
}
