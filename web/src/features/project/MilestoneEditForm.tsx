/**
 * Changes the forecast and actual date of one milestone (PATCH /projects/:id/milestones/:code with
 * the version last read). Validation errors from the API appear next to the field they concern;
 * a version conflict (409) explains what happened and offers to load the latest version, keeping
 * what the user typed so it can be saved again.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent, type RefObject } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { Alert } from '../../components/Feedback.tsx';
import { formatDate, MILESTONES, milestoneLabel, type MilestoneCode } from '../../labels.ts';
import { mapMilestoneErrors, type FieldErrors, type MilestoneField } from './problemErrors.ts';

export interface MilestoneEditFormProps {
  project: ProjectDetail;
  /** Called with the project as saved by the server. */
  onSaved: (project: ProjectDetail) => void;
  /** Fetches the latest version of the project; resolves when it is shown. */
  onReload: () => Promise<void>;
  /** Milestones the signed-in person may change (default: all). */
  editable?: readonly MilestoneCode[];
}

export interface MilestoneEditFormHandle {
  /** Selects a milestone and moves focus to the form. */
  edit: (code: MilestoneCode) => void;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'saved'; code: MilestoneCode }
  | { kind: 'invalid'; errors: FieldErrors; title: string }
  | { kind: 'conflict'; detail: string }
  | { kind: 'reloaded' }
  | { kind: 'failed'; message: string };

export const MilestoneEditForm = forwardRef<MilestoneEditFormHandle, MilestoneEditFormProps>(function MilestoneEditForm(
  { project, onSaved, onReload, editable },
  ref,
) {
  const id = useId();
  const choices = editable ? MILESTONES.filter((m) => editable.includes(m.code)) : MILESTONES;
  const [code, setCode] = useState<MilestoneCode>(() => (choices.some((m) => m.code === 'M12') ? 'M12' : (choices[0]?.code ?? 'M12')));
  const [forecast, setForecast] = useState('');
  const [actual, setActual] = useState('');
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const selectRef = useRef<HTMLSelectElement>(null);
  const fieldRefs = { forecastDate: useRef<HTMLInputElement>(null), actualDate: useRef<HTMLInputElement>(null) };
  const milestone = project.milestones.find((m) => m.code === code);

  const fillFrom = (p: ProjectDetail, c: MilestoneCode) => {
    const m = p.milestones.find((x) => x.code === c);
    setForecast(m?.forecastDate ?? '');
    setActual(m?.actualDate ?? '');
  };

  // A different milestone: show its current dates.
  useEffect(() => {
    fillFrom(project, code);
    // Only when the choice changes; a reload after a conflict keeps what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  useImperativeHandle(ref, () => ({
    edit: (c) => {
      setCode(c);
      setOutcome({ kind: 'none' });
      selectRef.current?.focus();
      selectRef.current?.scrollIntoView({ block: 'center' });
    },
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setOutcome({ kind: 'none' });
    try {
      const saved = await api.updateMilestone(project.id, code, { version: project.version, forecastDate: forecast || null, actualDate: actual || null });
      onSaved(saved);
      fillFrom(saved, code);
      setOutcome({ kind: 'saved', code });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setOutcome({ kind: 'conflict', detail: err.problem?.detail ?? 'Iemand anders heeft dit project intussen gewijzigd.' });
      } else if (err instanceof ApiError && (err.status === 400 || err.status === 422) && err.problem?.errors?.length) {
        const index = project.milestones.findIndex((m) => m.code === code);
        const errors = mapMilestoneErrors(err.problem.errors, index);
        setOutcome({ kind: 'invalid', errors, title: err.problem.title });
        const first = (['forecastDate', 'actualDate'] as MilestoneField[]).find((f) => errors.fields[f]);
        if (first) fieldRefs[first].current?.focus();
      } else {
        setOutcome({ kind: 'failed', message: err instanceof Error ? err.message : 'Onbekende fout.' });
      }
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    await onReload();
    setOutcome({ kind: 'reloaded' });
  };

  const fieldErrors = outcome.kind === 'invalid' ? outcome.errors.fields : {};

  return (
    <form className="wbm-edit-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 className="nl-heading nl-heading--level-3" id={`${id}-title`}>
        Mijlpaal bijwerken
      </h3>
      <p className="utrecht-paragraph">
        Vul de verwachte datum (prognose) in, of de datum waarop de mijlpaal echt is gehaald. Laat een veld leeg om de datum te wissen.
      </p>

      {outcome.kind === 'conflict' && (
        <Alert type="warning" title="Iemand anders was u voor" urgent>
          <p className="utrecht-paragraph">{outcome.detail}</p>
          <p className="utrecht-paragraph">Uw wijziging is niet opgeslagen. Laad de nieuwste versie; wat u hebt ingevuld blijft staan.</p>
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={reload}>
            Laad de nieuwste versie
          </button>
        </Alert>
      )}
      {outcome.kind === 'reloaded' && (
        <Alert type="info" urgent>
          <p className="utrecht-paragraph">De nieuwste versie van het project is geladen. Controleer uw invoer en kies opnieuw “Opslaan”.</p>
        </Alert>
      )}
      {outcome.kind === 'invalid' && (
        <Alert type="error" title={`${outcome.title} Bekijk de meldingen bij de velden.`} urgent>
          {outcome.errors.other.length > 0 && (
            <ul className="utrecht-unordered-list">
              {outcome.errors.other.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {outcome.kind === 'failed' && (
        <Alert type="error" title="Opslaan is niet gelukt" urgent>
          <p className="utrecht-paragraph">{outcome.message}</p>
        </Alert>
      )}

      <div className="wbm-edit-form__fields">
        <div className="utrecht-form-field wbm-field">
          <label className="utrecht-form-label" htmlFor={`${id}-code`}>
            Mijlpaal
          </label>
          <select
            id={`${id}-code`}
            ref={selectRef}
            className="utrecht-select utrecht-select--html-select"
            value={code}
            onChange={(e) => {
              setCode(e.target.value as MilestoneCode);
              setOutcome({ kind: 'none' });
            }}
          >
            {choices.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code} {m.label}
              </option>
            ))}
          </select>
          <p className="utrecht-form-field-description wbm-muted" id={`${id}-baseline`}>
            Basisplanning: {milestone?.baselineDate ? formatDate(milestone.baselineDate) : 'geen'}
          </p>
        </div>
        <DateField
          id={`${id}-forecast`}
          label="Prognosedatum"
          value={forecast}
          onChange={setForecast}
          error={fieldErrors.forecastDate}
          inputRef={fieldRefs.forecastDate}
          describedBy={`${id}-baseline`}
        />
        <DateField
          id={`${id}-actual`}
          label="Werkelijke datum (gehaald op)"
          value={actual}
          onChange={setActual}
          error={fieldErrors.actualDate}
          inputRef={fieldRefs.actualDate}
        />
      </div>
      <div className="utrecht-button-group wbm-button-row">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={saving} aria-disabled={saving}>
          {saving ? 'Bezig met opslaan…' : 'Opslaan'}
        </button>
      </div>
      <p role="status" className="utrecht-paragraph wbm-save-status">
        {outcome.kind === 'saved' && `Mijlpaal ${outcome.code} ${milestoneLabel(outcome.code)} is opgeslagen.`}
      </p>
    </form>
  );
});

interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  inputRef: RefObject<HTMLInputElement | null>;
  describedBy?: string;
}

function DateField({ id, label, value, onChange, error, inputRef, describedBy }: DateFieldProps) {
  const errorId = `${id}-error`;
  const describedByIds = [error ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field wbm-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p className="utrecht-form-field-error-message wbm-field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <input
        id={id}
        ref={inputRef}
        type="date"
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds}
      />
    </div>
  );
}
