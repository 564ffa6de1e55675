/**
 * "Samenvoegen met een ander project" (issue 12 item 2): the same plan is in the monitor twice. Step 1: find and
 * choose the record that stays (same gemeente); step 2: the server's preview of what moves (knelpunten, parties)
 * to confirm; then the merge. This record is then closed as "samengevoegd"; its history stays.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { components } from '../../api/generated/openapi.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { TextField } from '../../components/TextField.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { label } from '../../labels.ts';

type Preview = components['schemas']['MergePreview'];

export interface MergeProjectFormProps {
  project: ProjectDetail;
  /** Organisation names for the parties that move. */
  organisationName: (organisationId: string) => string;
  /** The merge went through: the record that stays, as the server answered. */
  onMerged: (kept: ProjectDetail) => Promise<void>;
  onReload: () => Promise<void>;
  onCancel: () => void;
}

const CANDIDATE_LIMIT = 50;

export function MergeProjectForm({ project, organisationName, onMerged, onReload, onCancel }: MergeProjectFormProps) {
  const [search, setSearch] = useState('');
  const [intoId, setIntoId] = useState('');
  const [intoName, setIntoName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const query = new URLSearchParams({
    gemeente: project.gemeenteCode,
    sort: 'name',
    limit: String(CANDIDATE_LIMIT),
    ...(search.trim() ? { q: search.trim() } : {}),
  });
  const list = useApi(queryKeys.projects.list(query.toString()), (signal) => api.listProjects(query, signal));
  const candidates = (list.data?.items ?? []).filter((p) => p.id !== project.id);

  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);

  const failed = async (err: unknown) => {
    if (err instanceof ApiError && err.status === 409) {
      setProblem('Iemand anders heeft een van deze projecten intussen gewijzigd. De nieuwste versie is geladen; kies opnieuw.');
      setPreview(null);
      await onReload();
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
      setError('Kies het project dat blijft.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const answer = await api.projectMergePreview(project.id, intoId);
      if (answer.issues.length > 0) setError(answer.issues.map((i) => i.message).join(' '));
      else setPreview(answer);
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
      const kept = await api.mergeProject(project.id, {
        version: project.version,
        intoProjectId: preview.into.id,
        intoVersion: preview.into.version,
      });
      await onMerged(kept);
    } catch (err) {
      await failed(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wbm-edit-form" data-testid="merge-project">
      <Heading level={3}>Samenvoegen met een ander project</Heading>
      <Paragraph>
        Staat hetzelfde plan twee keer in de monitor? Kies het project dat blijft. De knelpunten van ‘{project.name}’ en de partijen die het andere
        project nog niet heeft, gaan daarnaar over. ‘{project.name}’ telt daarna nergens meer mee; de geschiedenis blijft bewaard.
      </Paragraph>
      {problem && (
        <Alert type="error" title="Dat is niet gelukt" urgent>
          <Paragraph>{problem}</Paragraph>
        </Alert>
      )}
      {preview ? (
        <div role="group" aria-label="Samenvoegen bevestigen" data-testid="merge-project-confirm">
          <Paragraph>
            <strong>‘{project.name}’</strong> gaat op in <strong>‘{preview.into.name}’</strong>.
          </Paragraph>
          <UnorderedList>
            <li>
              {preview.knelpunten.length === 0
                ? 'Er gaan geen knelpunten over.'
                : `${preview.knelpunten.length === 1 ? '1 knelpunt gaat' : `${preview.knelpunten.length} knelpunten gaan`} over: ${preview.knelpunten
                    .map((k) => `${label(k.category)} (${k.description})`)
                    .join('; ')}.`}
            </li>
            <li>
              {preview.parties.length === 0
                ? 'Er komen geen partijen bij.'
                : `Deze partijen komen erbij: ${preview.parties.map((p) => `${organisationName(p.organisationId)} (${label(p.role)})`).join(', ')}.`}
            </li>
          </UnorderedList>
          <Paragraph>Dit kunt u niet terugdraaien.</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" disabled={busy} onClick={() => void merge()} data-testid="merge-project-submit">
              Ja, voeg samen
            </Button>
            <Button appearance="secondary-action" onClick={() => setPreview(null)}>
              Nee, ander project kiezen
            </Button>
          </ButtonGroup>
        </div>
      ) : (
        <form onSubmit={(e) => void choose(e)} noValidate data-testid="merge-project-form">
          <div ref={summary} tabIndex={-1}>
            <FormErrorSummary fields={[{ id: 'merge-project-into', label: 'Project dat blijft', message: error ?? undefined }]} />
          </div>
          <TextField id="merge-project-search" label="Zoek het project dat blijft (naam)" type="search" value={search} onChange={setSearch} />
          <FormField id="merge-project-into" label="Project dat blijft" error={error}>
            <Select
              id="merge-project-into"
              value={intoId}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'merge-project-into-error' : undefined}
              onChange={(e) => {
                setIntoId(e.target.value);
                setIntoName(candidates.find((c) => c.id === e.target.value)?.name ?? '');
              }}
            >
              <option value="">
                {list.state === 'loading'
                  ? 'Projecten worden geladen…'
                  : candidates.length === 0
                    ? 'Geen project gevonden'
                    : `Kies… (${candidates.length})`}
              </option>
              {/* The chosen one stays an option while the search changes, so what was chosen is not lost. */}
              {intoId && !candidates.some((c) => c.id === intoId) && <option value={intoId}>{intoName}</option>}
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.totalHomes} woningen)
                </option>
              ))}
            </Select>
          </FormField>
          <FormActions busy={busy} submit="Verder" onCancel={onCancel} />
        </form>
      )}
    </div>
  );
}
