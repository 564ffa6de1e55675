/**
 * Samenvoegen (issue 11 item 2): merge a duplicate organisation into the one that stays. Step 1: find and choose
 * the organisation that stays; step 2: a confirmation naming both and what moves (the server's preview); then the
 * merge. The duplicate disappears from the list; its history stays. A stale version reloads the list with an explanation.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Select } from '../../components/Select.tsx';
import { TextField } from '../../components/TextField.tsx';
import { label } from '../../labels.ts';
import { describeMerge, mergeCandidates, type MergeCounts } from './mergeInput.ts';
import type { OrganisationRow } from './OrganisationsPage.tsx';

interface Preview {
  into: OrganisationRow;
  counts: MergeCounts;
}

export function MergeOrganisation(props: {
  organisation: OrganisationRow;
  organisations: readonly OrganisationRow[];
  onDone: (message: string | null) => Promise<void>;
  onStale: () => Promise<void>;
}) {
  const dup = props.organisation;
  const [search, setSearch] = useState('');
  const [intoId, setIntoId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = mergeCandidates(dup, props.organisations, search);

  const failed = async (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) {
      setProblem('Iemand anders heeft een van deze organisaties intussen gewijzigd. De lijst is opnieuw geladen; kies opnieuw.');
      setPreview(null);
      await props.onStale();
    } else if (err instanceof ApiError && err.problem?.errors?.length) {
      setError(err.problem.errors.map((i) => i.message).join(' '));
      setPreview(null);
    } else {
      setProblem(err instanceof ApiError ? (err.problem?.detail ?? err.message) : 'Het samenvoegen is niet gelukt.');
    }
  };

  const choose = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!intoId) {
      setError('Kies de organisatie die blijft.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const answer = await api.organisationMergePreview(dup.id, intoId);
      setPreview({ into: answer.into, counts: answer.counts });
    } catch (err) {
      await failed(err);
    } finally {
      setBusy(false);
    }
  };

  const merge = async () => {
    if (!preview) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.mergeOrganisation(dup.id, { intoOrganisationId: preview.into.id, version: dup.version, intoVersion: preview.into.version });
      await props.onDone(`‘${dup.name}’ is samengevoegd met ‘${preview.into.name}’.`);
    } catch (err) {
      await failed(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="samenvoegen" title={`${dup.name} samenvoegen`}>
      <Paragraph>
        Staat deze organisatie twee keer in de lijst? Kies de organisatie die blijft. Alles van {dup.name} gaat daarnaar over. De geschiedenis blijft
        bewaard.
      </Paragraph>
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      {preview ? (
        <div role="group" aria-label="Samenvoegen bevestigen" data-testid="merge-confirm">
          <Paragraph>
            <strong>‘{dup.name}’</strong> gaat op in <strong>‘{preview.into.name}’</strong>. {describeMerge(preview.counts, preview.into.name)} Daarna
            staat ‘{dup.name}’ niet meer in de lijst. Dit kunt u niet terugdraaien.
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" disabled={busy} onClick={() => void merge()} data-testid="merge-submit">
              Ja, voeg samen
            </Button>
            <Button appearance="secondary-action" onClick={() => setPreview(null)}>
              Nee, andere kiezen
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <form onSubmit={(e) => void choose(e)} noValidate data-testid="merge-form">
          <TextField
            id="merge-search"
            label="Zoek de organisatie die blijft (naam of KvK-nummer)"
            type="search"
            value={search}
            onChange={setSearch}
          />
          <FormField id="merge-into" label="Organisatie die blijft" error={error} testId="merge-field-into">
            <Select
              id="merge-into"
              value={intoId}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'merge-into-error' : undefined}
              onChange={(e) => setIntoId(e.target.value)}
            >
              <option value="">{candidates.length === 0 ? 'Geen organisatie gevonden' : `Kies… (${candidates.length})`}</option>
              {candidates.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({label(o.type)}
                  {o.kvkNumber ? `, KvK ${o.kvkNumber}` : ''})
                </option>
              ))}
            </Select>
          </FormField>
          <FormActions busy={busy} submit="Verder" onCancel={() => void props.onDone(null)} />
        </form>
      )}
    </Section>
  );
}
