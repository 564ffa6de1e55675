/**
 * Basisplanning: the history of re-baselines with their reasons, and — for those who may (the table's
 * secretary) — the form to set new baselines. Re-baselining is an explicit act of the table with a
 * reason, kept in history (SPEC §2); an ordinary edit can never move a baseline.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { MIN_REASON_LENGTH } from '../../../../src/domain/baseline.ts';
import { api, ApiError } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { Issue, ProjectDetail } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { checkDateInput, isoToInput } from '../../components/dateInput.ts';
import { Alert, ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatDateShort, MILESTONES, milestoneLabel, type MilestoneCode } from '../../labels.ts';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { Fieldset } from '../../components/Fieldset.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { FormField } from '../../components/FormField.tsx';

export interface BaselineSectionProps {
  project: ProjectDetail;
  /** Whether the signed-in person may re-baseline this project. */
  canRebaseline: boolean;
  onSaved: (project: ProjectDetail) => void;
  /** Fetches the latest version of the project (after a conflict). */
  onReload: () => Promise<void>;
}

export function BaselineSection({ project, canRebaseline, onSaved, onReload }: BaselineSectionProps) {
  const history = useApi(queryKeys.project.baselineHistory(project.id), (signal) => api.baselineHistory(project.id, signal));
  return (
    <Section id="basisplanning" title="Basisplanning">
      <Paragraph>
        De basisplanning is de afgesproken planning. Vertraging wordt daartegen gemeten. Alleen de versnellingstafel kan de basisplanning opnieuw
        vaststellen, met een reden.
      </Paragraph>
      <Heading level={3}>Eerder opnieuw vastgesteld</Heading>
      {history.state === 'loading' && <Loading />}
      {history.state === 'error' && <ErrorMessage error={history.error} retry={history.reload} />}
      {history.state === 'ready' && history.data.length === 0 && <Paragraph>De basisplanning is nog nooit opnieuw vastgesteld.</Paragraph>}
      {history.state === 'ready' && history.data.length > 0 && (
        <ol className="wbm-card-list" data-testid="baseline-history">
          {[...history.data].reverse().map((h) => (
            <li key={h.id} className="wbm-card">
              <Paragraph>
                <strong>{formatDate(h.changedAt.slice(0, 10))}</strong>: {h.reason}
              </Paragraph>
              <UnorderedList>
                {h.changes.map((c) => (
                  <li key={c.code}>
                    {c.code} {milestoneLabel(c.code)}: van {c.from ? formatDateShort(c.from) : 'geen'} naar {c.to ? formatDateShort(c.to) : 'geen'}
                  </li>
                ))}
              </UnorderedList>
            </li>
          ))}
        </ol>
      )}
      {canRebaseline && <RebaselineForm project={project} onSaved={onSaved} onReload={onReload} />}
    </Section>
  );
}

type Outcome = { kind: 'none' } | { kind: 'saved' } | SaveProblem;

interface Row {
  code: MilestoneCode;
  on: boolean;
  /** The new baseline as typed (dd-mm-jjjj); kept as typed until the user changes it. */
  date: string;
}

/** Start values: every milestone not yet achieved; the delayed ones ticked, with their forecast as new baseline. */
export function initialRows(project: Pick<ProjectDetail, 'milestones'>): Row[] {
  return MILESTONES.flatMap((def) => {
    const m = project.milestones.find((x) => x.code === def.code);
    if (!m || m.actualDate || (!m.forecastDate && !m.baselineDate)) return [];
    return [{ code: def.code, on: m.delay.severity !== 'geen', date: isoToInput(m.forecastDate ?? m.baselineDate) }];
  });
}

/** Client-side checks, worded like the server's, so the user hears about them before sending. */
export function checkRebaseline(reason: string, rows: readonly Row[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (reason.trim().length < MIN_REASON_LENGTH) {
    errors.reason = `Geef een reden van minstens ${MIN_REASON_LENGTH} tekens: waarom wordt de planning opnieuw vastgesteld?`;
  }
  const chosen = rows.filter((r) => r.on);
  if (chosen.length === 0) errors.milestones = 'Kies minstens één mijlpaal met een nieuwe basisplanning.';
  for (const r of chosen) {
    // The same checks as the server: an existing day within the plausible years (issue 8).
    const checked = checkDateInput(r.date, { what: `De nieuwe basisplanning van ${milestoneLabel(r.code)} (${r.code})`, kind: 'planned' });
    if (checked.kind === 'empty') errors[r.code] = 'Vul de nieuwe basisplanning in als dag-maand-jaar, bijvoorbeeld 31-03-2027.';
    else if (checked.kind === 'invalid') errors[r.code] = checked.message;
  }
  return errors;
}

/** The typed date as ISO (only after checkRebaseline found no error). */
function isoOf(text: string): string {
  const checked = checkDateInput(text, { what: '', kind: 'planned' });
  return checked.kind === 'date' ? checked.iso : text;
}

function RebaselineForm({ project, onSaved, onReload }: Omit<BaselineSectionProps, 'canRebaseline'>) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<Row[]>(() => initialRows(project));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const setRow = (code: MilestoneCode, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.code === code ? { ...r, ...change } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome({ kind: 'none' });
    const found = checkRebaseline(reason, rows);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.reason) reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const chosen = rows.filter((r) => r.on);
      const saved = await api.rebaseline(project.id, {
        version: project.version,
        reason: reason.trim(),
        milestones: chosen.map((r) => ({ code: r.code, baselineDate: isoOf(r.date) })),
      });
      onSaved(saved);
      setReason('');
      setRows(initialRows(saved));
      setOutcome({ kind: 'saved' });
    } catch (err) {
      if (err instanceof ApiError && err.status !== 409 && err.problem?.errors?.length) {
        setErrors(
          serverErrors(
            err.problem.errors,
            rows.filter((r) => r.on),
          ),
        );
      } else {
        setOutcome(saveProblem(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const general = [errors.milestones, errors.general].filter(Boolean);
  return (
    <form className="wbm-edit-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate data-testid="rebaseline-form">
      <Heading level={3} id={`${id}-title`}>
        Opnieuw baselinen
      </Heading>
      <Paragraph>
        Kies de mijlpalen die een nieuwe basisplanning krijgen. De nieuwe datum staat al op de huidige prognose; pas hem aan als de tafel iets anders
        afspreekt.
      </Paragraph>
      <SaveProblemAlert
        outcome={outcome}
        notSaved="De basisplanning is niet gewijzigd."
        reloaded="De nieuwste versie is geladen. Controleer uw invoer en kies opnieuw “Basisplanning vaststellen”."
        onReload={async () => {
          await onReload();
          setOutcome({ kind: 'reloaded' });
        }}
      />
      {general.length > 0 && (
        <Alert type="error" title="Controleer het formulier" urgent>
          <UnorderedList>
            {general.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </UnorderedList>
        </Alert>
      )}

      <FormField
        id={`${id}-reason`}
        label="Reden (verplicht)"
        error={errors.reason}
        description={<>Bijvoorbeeld: “Besluit tafel 12 november: vergunning later door bezwaar.” Minstens {MIN_REASON_LENGTH} tekens.</>}
      >
        <Textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={3}
          maxLength={2000}
          aria-required="true"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={[errors.reason ? `${id}-reason-error` : null, `${id}-reason-help`].filter(Boolean).join(' ')}
        />
      </FormField>

      <Fieldset className="wbm-rebaseline-rows" legend="Mijlpalen met een nieuwe basisplanning">
        {rows.length === 0 && <Paragraph>Er zijn geen mijlpalen meer die nog moeten komen.</Paragraph>}
        {rows.map((r) => {
          const m = project.milestones.find((x) => x.code === r.code);
          return (
            <div key={r.code} className={`wbm-rebaseline-row${errors[r.code] ? ' utrecht-form-field--invalid' : ''}`}>
              <CheckboxField
                id={`${id}-${r.code}-on`}
                label={
                  <>
                    {r.code} {milestoneLabel(r.code)}
                    <span className="wbm-muted"> (nu: {m?.baselineDate ? formatDateShort(m.baselineDate) : 'geen'})</span>
                  </>
                }
                checked={r.on}
                onChange={(on) => setRow(r.code, { on })}
              />
              <DateField
                id={`${id}-${r.code}-date`}
                label={`Nieuwe basisplanning ${r.code}`}
                value={r.date}
                disabled={!r.on}
                onChange={(text) => setRow(r.code, { date: text })}
                error={errors[r.code]}
              />
            </div>
          );
        })}
      </Fieldset>
      <Button appearance="primary-action" type="submit" disabled={busy}>
        {busy ? 'Bezig met opslaan…' : 'Basisplanning vaststellen'}
      </Button>
      <Paragraph className="wbm-save-status" role="status">
        {outcome.kind === 'saved' && 'De basisplanning is opnieuw vastgesteld. De reden staat in de geschiedenis.'}
      </Paragraph>
    </form>
  );
}

/** Server messages next to their field: `reason`, `milestones[i].baselineDate` (i in the sent list), or general. */
function serverErrors(issues: readonly Issue[], sent: readonly Row[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const match = /^milestones\[(\d+)\]/.exec(issue.path);
    const key =
      issue.path === 'reason'
        ? 'reason'
        : match
          ? (sent[Number(match[1])]?.code ?? 'general')
          : issue.path === 'milestones'
            ? 'milestones'
            : 'general';
    errors[key] = errors[key] ? `${errors[key]} ${issue.message}` : issue.message;
  }
  return errors;
}
