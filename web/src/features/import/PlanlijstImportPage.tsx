/**
 * Planlijst importeren (issue 13 part 1; SPEC §7 "Excel/CSV import"): a gemeente for its own gemeente, a province
 * for its province, a table secretary for the table's gemeenten. Steps: upload → kolommen koppelen (a select per
 * register field, pre-filled with the suggestion or the mapping saved for this list, with example values; plan
 * status labels to the register's) → controle (every problem with row and column; writes nothing) → importeren
 * (all or nothing; only without problems) → wijzigingsrapport (added / changed / removed, with links). Progress of a
 * long check or import is polled from the server.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { LABELS, PLAN_STATUSES, type PlanStatus } from '../../../../src/domain/codes.ts';
import { recognisePlanStatus } from '../../../../src/domain/planlijst/status.ts';
import { api, ApiError } from '../../api/client.ts';
import { refresh } from '../../api/invalidation.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { ImportChange, ImportInspection, ImportProblem, ImportProgress, ImportReport, PlanlijstMapping } from '../../api/types.ts';
import { isSignedIn, useAuth } from '../../auth/AuthContext.tsx';
import { mayImportPlanlijst } from '../../auth/permissions.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { Alert, Loading } from '../../components/Feedback.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { PageNotice } from '../../components/PageNotice.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { Table } from '../../components/Table.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatCount, formatNumber } from '../../labels.ts';
import { buildMapping, columnOf, examples, fieldGroups, fieldLabel } from './fields.ts';

export const PLANLIJST_IMPORT_PATH = '/planlijst-importeren';

interface Upload {
  fileName: string;
  content: string;
  inspection: ImportInspection;
}

type Step =
  | { kind: 'upload' }
  | { kind: 'mapping'; upload: Upload }
  | { kind: 'preview'; upload: Upload; mapping: PlanlijstMapping; report: ImportReport }
  | { kind: 'report'; upload: Upload; report: ImportReport };

const STEP_TITLES = {
  upload: 'Stap 1 van 4: bestand kiezen',
  mapping: 'Stap 2 van 4: kolommen koppelen',
  preview: 'Stap 3 van 4: controle',
  report: 'Stap 4 van 4: wijzigingsrapport',
} as const;

/** The file's content as base64 (what the API takes). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('Het bestand kon niet worden gelezen.'));
    reader.readAsDataURL(file);
  });
}

/** The problem of a refused request in plain words (the API's problem detail, or what the field errors say). */
function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    const details = err.problem?.errors?.map((e) => e.message).join(' ');
    return details || err.problem?.detail || err.problem?.title || err.message;
  }
  return err instanceof Error ? err.message : 'Onbekende fout.';
}

const STAGES: Record<ImportProgress['stage'], string> = { lezen: 'lezen', controleren: 'controleren', opslaan: 'opslaan', klaar: 'afronden' };

/** Runs `work` with a fresh progress id and polls the server for how far it is, while it runs. */
function useProgress() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const timer = useRef<number | null>(null);
  useEffect(() => () => void (timer.current !== null && window.clearInterval(timer.current)), []);
  const run = async <T,>(work: (progressId: string) => Promise<T>): Promise<T> => {
    const progressId = crypto.randomUUID();
    setProgress({ stage: 'lezen', done: 0, total: 0 });
    timer.current = window.setInterval(() => {
      api.planlijstProgress(progressId).then(setProgress, () => undefined);
    }, 700);
    try {
      return await work(progressId);
    } finally {
      if (timer.current !== null) window.clearInterval(timer.current);
      timer.current = null;
      setProgress(null);
    }
  };
  return { progress, run };
}

function progressText(what: string, p: ImportProgress | null): string {
  if (!p || p.total === 0) return `Bezig met ${what}…`;
  return `Bezig met ${what}: ${STAGES[p.stage]}, ${formatNumber(p.done)} van ${formatCount(p.total, 'rij', 'rijen')}…`;
}

export function PlanlijstImportPage() {
  usePageTitle('Planlijst importeren');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (!mayImportPlanlijst(state)) {
    return (
      <PageNotice heading="Planlijst importeren" title="Deze pagina is voor gemeenten, provincies en tafelsecretarissen" testId="import-no-access">
        <Paragraph>
          Hier lezen gemeenten, provincies en secretarissen van een versnellingstafel hun planlijst in.{' '}
          {isSignedIn(state) ? (
            'Met uw account kan dat niet.'
          ) : (
            <>
              <TextLink to="/inloggen?terug=%2Fplanlijst-importeren">Log in</TextLink> met het account van uw organisatie.
            </>
          )}
        </Paragraph>
      </PageNotice>
    );
  }
  return <ImportWizard />;
}

function ImportWizard() {
  const [step, setStep] = useState<Step>({ kind: 'upload' });
  // The mapping chosen last: a corrected file with the same columns starts from it.
  const [lastMapping, setLastMapping] = useState<PlanlijstMapping | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step.kind]);

  return (
    <div data-testid="planlijst-import" data-step={step.kind} data-ready="true">
      <Heading level={1}>Planlijst importeren</Heading>
      <Paragraph>
        Lees uw planlijst in vanuit Excel (.xlsx) of een CSV-bestand. U koppelt eerst de kolommen aan de velden van de monitor en ziet dan per rij wat
        er niet klopt. Er wordt pas iets opgeslagen als u op Importeren drukt, en alleen als het hele bestand in orde is.
      </Paragraph>
      <Heading level={2} ref={heading} tabIndex={-1}>
        {STEP_TITLES[step.kind]}
      </Heading>
      {step.kind === 'upload' && <UploadStep onRead={(upload) => setStep({ kind: 'mapping', upload })} />}
      {step.kind === 'mapping' && (
        <MappingStep
          upload={step.upload}
          previous={lastMapping}
          onBack={() => setStep({ kind: 'upload' })}
          onChecked={(mapping, report) => {
            setLastMapping(mapping);
            setStep({ kind: 'preview', upload: step.upload, mapping, report });
          }}
        />
      )}
      {step.kind === 'preview' && (
        <PreviewStep
          upload={step.upload}
          mapping={step.mapping}
          report={step.report}
          onBack={() => setStep({ kind: 'mapping', upload: step.upload })}
          onNewFile={() => setStep({ kind: 'upload' })}
          onApplied={(report) => setStep({ kind: 'report', upload: step.upload, report })}
          onRejected={(report) => setStep({ ...step, report })}
        />
      )}
      {step.kind === 'report' && <ReportStep report={step.report} onAgain={() => setStep({ kind: 'upload' })} />}
    </div>
  );
}

function UploadStep({ onRead }: { onRead: (upload: Upload) => void }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError('Kies eerst een bestand (.xlsx of .csv).');
      fileRef.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const content = await readBase64(file);
      const inspection = await api.inspectPlanlijst({ fileName: file.name, content });
      onRead({ fileName: file.name, content, inspection });
    } catch (err) {
      setError(messageOf(err));
      fileRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <FormField
        id={`${id}-file`}
        label="Planlijst (.xlsx of .csv)"
        error={error}
        description="De eerste regel noemt de kolommen. Puntkomma of komma als scheidingsteken en Nederlandse getallen (1.234,5) kunnen allebei."
      >
        <input
          id={`${id}-file`}
          ref={fileRef}
          type="file"
          className="utrecht-form-control"
          accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={[`${id}-file-help`, error ? `${id}-file-error` : ''].filter(Boolean).join(' ')}
          data-testid="planlijst-file"
        />
      </FormField>
      <ButtonGroup className="wbm-button-row">
        <SubmitButton busy={busy} busyText="Bezig met lezen…">
          Bestand lezen
        </SubmitButton>
      </ButtonGroup>
      <EarlierImports />
    </form>
  );
}

function EarlierImports() {
  const [runs, setRuns] = useState<Awaited<ReturnType<typeof api.planlijstRuns>> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.planlijstRuns(controller.signal).then(setRuns, () => undefined);
    return () => controller.abort();
  }, []);
  if (!runs || runs.length === 0) return null;
  return (
    <Table
      caption="Eerdere imports"
      columns={[
        { key: 'at', header: 'Wanneer', cell: (r) => new Date(r.at).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'short' }) },
        { key: 'file', header: 'Bestand', cell: (r) => r.fileName },
        { key: 'who', header: 'Door', cell: (r) => r.actorName },
        { key: 'created', header: 'Toegevoegd', cell: (r) => formatNumber(r.created), numeric: true },
        { key: 'updated', header: 'Gewijzigd', cell: (r) => formatNumber(r.updated), numeric: true },
        { key: 'unchanged', header: 'Ongewijzigd', cell: (r) => formatNumber(r.unchanged), numeric: true },
      ]}
      rows={runs.slice(0, 10)}
      rowKey={(r) => r.id}
    />
  );
}

function MappingStep({
  upload,
  previous,
  onBack,
  onChecked,
}: {
  upload: Upload;
  previous: PlanlijstMapping | null;
  onBack: () => void;
  onChecked: (mapping: PlanlijstMapping, report: ImportReport) => void;
}) {
  const id = useId();
  const { inspection } = upload;
  const present = new Set(inspection.columns);
  // Start from the mapping chosen last when its columns are in this file, else the saved one, else the suggestion.
  const usable = (m: PlanlijstMapping | null) =>
    m && Object.values(m.fields).every((s) => (typeof s === 'string' ? [s] : s.columns).every((c) => present.has(c)));
  const start = usable(previous) ? previous! : usable(inspection.savedMapping) ? inspection.savedMapping! : inspection.suggested;
  const groups = fieldGroups(inspection.suggested, start);
  const [columns, setColumns] = useState<Record<string, string>>(() =>
    Object.fromEntries(groups.flatMap((g) => g.fields).map((f) => [f, columnOf(start, f)])),
  );
  const statusColumn = columns.planStatus ?? '';
  const statusLabels = statusColumn ? (inspection.valueLists[statusColumn] ?? []) : [];
  const [statusValues, setStatusValues] = useState<Record<string, PlanStatus | ''>>({});
  const statusOf = (label: string): PlanStatus | '' =>
    label in statusValues ? statusValues[label]! : (recognisePlanStatus(label, start.values?.planStatus ?? {}) ?? '');
  const { progress, run } = useProgress();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const mapping = buildMapping(start, columns, Object.fromEntries(statusLabels.map((l) => [l, statusOf(l)])));
      const report = await run((progressId) => api.previewPlanlijst({ fileName: upload.fileName, content: upload.content, mapping, progressId }));
      onChecked(mapping, report);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const unused = inspection.columns.filter((c) => !Object.values(columns).includes(c));
  return (
    <form onSubmit={submit} noValidate data-testid="planlijst-mapping">
      <Paragraph>
        {upload.fileName}: {formatCount(inspection.rowCount, 'rij', 'rijen')} en {formatCount(inspection.columns.length, 'kolom', 'kolommen')}. Kies
        bij elk veld de kolom uit uw bestand. De monitor heeft een keuze voorgesteld
        {inspection.savedMapping ? ' (de koppeling van de vorige keer dat u deze lijst inlas)' : ''}; controleer die.
      </Paragraph>
      {groups.map((group) => (
        <Fieldset key={group.title} legend={group.title} className="wbm-mapping-group">
          {group.fields.map((field) => {
            const fieldId = `${id}-${field.replace(/[^a-zA-Z0-9]/g, '-')}`;
            const sample = examples(inspection.columns, inspection.sampleRows, columns[field] ?? '');
            return (
              <FormField
                key={field}
                id={fieldId}
                label={fieldLabel(field)}
                description={
                  sample.length ? `Voorbeeld: ${sample.join(' · ')}` : columns[field] ? 'Geen waarden in de eerste rijen.' : 'Niet gebruikt.'
                }
              >
                <Select
                  id={fieldId}
                  value={columns[field] ?? ''}
                  aria-describedby={`${fieldId}-help`}
                  onChange={(e) => setColumns((c) => ({ ...c, [field]: e.target.value }))}
                  data-field={field}
                >
                  <option value="">(niet gebruiken)</option>
                  {inspection.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              </FormField>
            );
          })}
        </Fieldset>
      ))}
      {statusLabels.length > 0 && (
        <Fieldset legend={`Planstatus: de waarden in kolom ${statusColumn}`} className="wbm-mapping-group">
          {statusLabels.map((label) => {
            const valueId = `${id}-status-${label.replace(/[^a-zA-Z0-9]/g, '-')}`;
            return (
              <FormField key={label} id={valueId} label={`“${label}” betekent`}>
                <Select
                  id={valueId}
                  value={statusOf(label)}
                  onChange={(e) => setStatusValues((v) => ({ ...v, [label]: e.target.value as PlanStatus | '' }))}
                  data-status-label={label}
                >
                  <option value="">(niet herkend)</option>
                  {PLAN_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {LABELS[s]}
                    </option>
                  ))}
                </Select>
              </FormField>
            );
          })}
        </Fieldset>
      )}
      {unused.length > 0 && <Paragraph>Niet gebruikte kolommen: {unused.join(', ')}.</Paragraph>}
      {error && (
        <Alert type="error" title="Controleren is niet gelukt" urgent>
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {busy && (
        <Paragraph role="status" data-testid="planlijst-progress">
          {progressText('controleren', progress)}
        </Paragraph>
      )}
      <ButtonGroup className="wbm-button-row">
        <SubmitButton busy={busy} busyText="Bezig met controleren…">
          Controleren
        </SubmitButton>
        <Button appearance="secondary-action" onClick={onBack} disabled={busy}>
          Ander bestand kiezen
        </Button>
      </ButtonGroup>
    </form>
  );
}

function Counts({ report, preview }: { report: ImportReport; preview: boolean }) {
  const items: Array<[string, ReactNode]> = [
    ['Rijen gelezen', formatNumber(report.rowsRead)],
    ['Rijen in orde', formatNumber(report.rowsValid)],
    ['Rijen met een probleem', formatNumber(report.rowsRejected)],
    ['Lege rijen overgeslagen', formatNumber(report.rowsEmpty)],
    [preview ? 'Nieuwe projecten' : 'Toegevoegd', formatNumber(report.created)],
    [preview ? 'Te wijzigen projecten' : 'Gewijzigd', formatNumber(report.updated)],
    ['Ongewijzigd', formatNumber(report.unchanged)],
    ['Niet meer in de lijst', formatNumber(report.removed)],
    ['Woningen in de rijen die in orde zijn', formatNumber(report.homes)],
  ];
  return (
    <dl className="wbm-inline-dl wbm-import-counts" data-testid="planlijst-counts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Notes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <>
      <Heading level={3}>Wat de monitor heeft aangepast</Heading>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}

function PreviewStep({
  upload,
  mapping,
  report,
  onBack,
  onNewFile,
  onApplied,
  onRejected,
}: {
  upload: Upload;
  mapping: PlanlijstMapping;
  report: ImportReport;
  onBack: () => void;
  onNewFile: () => void;
  onApplied: (report: ImportReport) => void;
  onRejected: (report: ImportReport) => void;
}) {
  const client = useQueryClient();
  const { progress, run } = useProgress();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = report.problems;
  const blocked = problems.length > 0;

  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await run((progressId) => api.applyPlanlijst({ fileName: upload.fileName, content: upload.content, mapping, progressId }));
      if (!result.applied) {
        onRejected(result);
        return;
      }
      await refresh(client, [
        queryKeys.projects.all,
        queryKeys.dashboard.all,
        queryKeys.round.all,
        queryKeys.map.all,
        queryKeys.national.all,
        queryKeys.public.all,
      ]);
      onApplied(result);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="planlijst-preview">
      <Paragraph>Er is nog niets opgeslagen. Zo zou de import uitpakken:</Paragraph>
      <Counts report={report} preview />
      {blocked ? (
        <Alert type="error" title={`${formatCount(problems.length, 'probleem', 'problemen')} in het bestand`}>
          <Paragraph>
            Verbeter {problems.length === 1 ? 'het probleem' : 'de problemen'} hieronder in uw bestand en kies het daarna opnieuw, of pas de koppeling
            van de kolommen aan.
          </Paragraph>
        </Alert>
      ) : (
        <Alert type="ok" title="Het bestand is in orde">
          <Paragraph>Druk op Importeren om de projecten op te slaan.</Paragraph>
        </Alert>
      )}
      {blocked && (
        <Table
          caption="Problemen per rij"
          columns={[
            { key: 'row', header: 'Rij', cell: (p: ImportProblem) => String(p.row), numeric: true },
            { key: 'column', header: 'Kolom', cell: (p: ImportProblem) => p.column ?? 'Hele rij' },
            { key: 'problem', header: 'Probleem', cell: (p: ImportProblem) => p.problem },
          ]}
          rows={problems.slice(0, 500)}
          rowKey={(p) => `${p.row}-${p.column ?? ''}-${p.problem}`}
          testId="planlijst-problems"
        />
      )}
      {problems.length > 500 && <Paragraph>De eerste 500 van {formatNumber(problems.length)} problemen staan hierboven.</Paragraph>}
      <Notes notes={report.notes} />
      {error && (
        <Alert type="error" title="Importeren is niet gelukt" urgent>
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {busy && (
        <Paragraph role="status" data-testid="planlijst-progress">
          {progressText('importeren', progress)}
        </Paragraph>
      )}
      <ButtonGroup className="wbm-button-row">
        <Button appearance="primary-action" onClick={apply} disabled={blocked || busy} aria-describedby={blocked ? 'planlijst-blocked' : undefined}>
          {busy ? 'Bezig met importeren…' : 'Importeren'}
        </Button>
        <Button appearance="secondary-action" onClick={onBack} disabled={busy}>
          Kolommen aanpassen
        </Button>
        <Button appearance="secondary-action" onClick={onNewFile} disabled={busy}>
          Verbeterd bestand kiezen
        </Button>
      </ButtonGroup>
      {blocked && (
        <Paragraph id="planlijst-blocked" className="wbm-muted">
          Importeren kan pas als er geen problemen meer zijn: de monitor slaat een planlijst alleen in zijn geheel op.
        </Paragraph>
      )}
    </div>
  );
}

const CHANGE_KINDS: Record<ImportChange['kind'], string> = {
  created: 'Toegevoegd',
  updated: 'Gewijzigd',
  removed: 'Niet meer in de lijst',
};

function ReportStep({ report, onAgain }: { report: ImportReport; onAgain: () => void }) {
  return (
    <div data-testid="planlijst-report">
      <Alert type="ok" title="De planlijst is geïmporteerd" urgent>
        <Paragraph>
          {formatCount(report.created, 'project', 'projecten')} toegevoegd, {formatCount(report.updated, 'project', 'projecten')} gewijzigd en{' '}
          {formatCount(report.unchanged, 'project', 'projecten')} ongewijzigd.
          {report.removed > 0 &&
            ` ${formatCount(report.removed, 'project staat', 'projecten staan')} niet meer in de lijst; ${report.withdrawn > 0 ? `${formatNumber(report.withdrawn)} daarvan zijn vervallen verklaard` : 'die zijn niet verwijderd'}.`}
        </Paragraph>
      </Alert>
      <Counts report={report} preview={false} />
      {report.changes.length > 0 ? (
        <Table
          caption="Wijzigingen"
          columns={[
            { key: 'kind', header: 'Wat', cell: (c: ImportChange) => CHANGE_KINDS[c.kind] },
            {
              key: 'name',
              header: 'Project',
              cell: (c: ImportChange) => (c.projectId ? <Link to={`/projecten/${c.projectId}`}>{c.name}</Link> : c.name),
            },
            { key: 'id', header: 'Nummer in uw lijst', cell: (c: ImportChange) => c.externalId },
            { key: 'fields', header: 'Gewijzigde onderdelen', cell: (c: ImportChange) => c.fields.join(', ') },
          ]}
          rows={report.changes.slice(0, 1000)}
          rowKey={(c) => `${c.kind}-${c.externalId}`}
          testId="planlijst-changes"
        />
      ) : (
        <Paragraph>Er is niets veranderd: alle projecten in de lijst stonden al zo in de monitor.</Paragraph>
      )}
      <Notes notes={report.notes} />
      <ButtonGroup className="wbm-button-row">
        <Button appearance="secondary-action" onClick={onAgain}>
          Nog een planlijst importeren
        </Button>
      </ButtonGroup>
    </div>
  );
}
