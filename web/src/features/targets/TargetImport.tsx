/**
 * Import targets from a spreadsheet (.xlsx or .csv): the file goes to the server as it is. All or nothing
 * (the server's): a file with a problem adds nothing, and every problem is listed with its line and column;
 * otherwise the result says how many targets were added and changed.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import { targetsChanged } from '../../api/invalidation.ts';
import type { TargetImport as ImportResult } from '../../api/types.ts';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { formatCount } from '../../labels.ts';
import { FIELD_LABELS, fieldOf, importProblems, type ImportProblem } from './targetForm.ts';

type Outcome =
  | { kind: 'none' }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'rejected'; title: string; problems: ImportProblem[] }
  | { kind: 'failed'; message: string };

const columnLabel = (column: string): string => {
  const field = fieldOf(column);
  return field ? `${FIELD_LABELS[field]} (${column})` : column;
};

export function TargetImport() {
  const id = useId();
  const client = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    setOutcome({ kind: 'none' });
    if (!file) {
      setFileError('Kies eerst een bestand (.xlsx of .csv).');
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    setBusy(true);
    try {
      const result = await api.importTargets(file);
      await targetsChanged(client);
      setOutcome({ kind: 'done', result });
    } catch (err) {
      if (err instanceof ApiError && err.problem?.errors?.length) {
        setOutcome({ kind: 'rejected', title: err.problem.title, problems: importProblems(err.problem.errors) });
      } else if (err instanceof ApiError && err.status === 403) {
        setOutcome({
          kind: 'rejected',
          title: 'Niets geïmporteerd',
          problems: [{ line: null, column: null, message: err.problem?.detail ?? err.message }],
        });
      } else {
        setOutcome({ kind: 'failed', message: err instanceof Error ? err.message : 'Onbekende fout.' });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="target-import">
      <Paragraph>
        Zet één doel per regel; de eerste regel noemt de kolommen, bijvoorbeeld{' '}
        <code>geoLevel, geoCode, geoName, periodStart, periodEnd, homes, sourceRef</code>. Een regel met hetzelfde gebied, dezelfde periode en soort
        als een bestaand doel wijzigt dat doel. Klopt één regel niet, dan wordt niets geïmporteerd.
      </Paragraph>
      <FormField id={`${id}-file`} label="Bestand met doelen (.xlsx of .csv)" error={fileError}>
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          className="utrecht-form-control"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={fileError ? `${id}-file-error` : undefined}
          data-testid="target-import-file"
        />
      </FormField>
      <ButtonGroup className="wbm-button-row">
        <SubmitButton busy={busy} busyText="Bezig met importeren…">
          Importeren
        </SubmitButton>
      </ButtonGroup>

      {outcome.kind === 'done' && (
        <Alert type="ok" title="Import gelukt" urgent>
          <Paragraph data-testid="target-import-result">
            {formatCount(outcome.result.rows, 'regel', 'regels')} gelezen: {formatCount(outcome.result.created, 'doel', 'doelen')} toegevoegd en{' '}
            {formatCount(outcome.result.updated, 'doel', 'doelen')} gewijzigd.
          </Paragraph>
        </Alert>
      )}
      {outcome.kind === 'failed' && (
        <Alert type="error" title="Importeren is niet gelukt" urgent>
          <Paragraph>{outcome.message}</Paragraph>
        </Alert>
      )}
      {outcome.kind === 'rejected' && (
        <div data-testid="target-import-errors">
          <Alert type="error" title="Er is niets geïmporteerd" urgent>
            <Paragraph>
              {outcome.title} Verbeter{' '}
              {outcome.problems.length === 1 ? 'het probleem hieronder' : `de ${outcome.problems.length} problemen hieronder`} in het bestand en
              importeer het opnieuw.
            </Paragraph>
          </Alert>
          <Table
            caption="Problemen in het bestand"
            columns={[
              { key: 'line', header: 'Regel', cell: (p: ImportProblem) => (p.line === null ? 'Hele bestand' : String(p.line)) },
              { key: 'column', header: 'Kolom', cell: (p: ImportProblem) => (p.column ? columnLabel(p.column) : '') },
              { key: 'message', header: 'Probleem', cell: (p: ImportProblem) => p.message },
            ]}
            rows={outcome.problems}
            rowKey={(p) => `${p.line ?? ''}-${p.column ?? ''}-${p.message}`}
            testId="target-import-error-table"
          />
        </div>
      )}
    </form>
  );
}
