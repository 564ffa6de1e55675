/**
 * Changes the forecast and actual date of one milestone (PATCH /projects/:id/milestones/:code with
 * the version last read). Dates are typed as text (dd-mm-jjjj) and checked before sending: an
 * impossible or implausible date is refused next to its field and what was typed stays (issue 8).
 * Only the dates that changed are sent; an empty field never clears a stored date — clearing is its
 * own act ("… wissen", confirmed). Validation errors from the API also appear next to the field they
 * concern; a version conflict (409) explains what happened and offers to load the latest version,
 * keeping what the user typed so it can be saved again.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { MilestoneChange, ProjectDetail } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { checkDateInput, isoToInput, parseDateInput, todayIso } from '../../components/dateInput.ts';
import { needsDelayReason } from '../../../../src/domain/delay-reason.ts';
import {
  checkDelayReason,
  DELAY_REASON_LABELS,
  delayReasonBody,
  delayReasonErrorsOf,
  DelayReasonFields,
  EMPTY_DELAY_REASON,
  type DelayReasonErrors,
  type DelayReasonField,
} from './DelayReasonFields.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { formatDate, MILESTONES, milestoneLabel, type MilestoneCode } from '../../labels.ts';
import { mapMilestoneErrors, type FieldErrors, type MilestoneField } from './problemErrors.ts';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Select } from '../../components/Select.tsx';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummaryList } from '../../components/ErrorSummaryList.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { FieldDescription } from '../../components/FieldDescription.tsx';

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
  | { kind: 'cleared'; code: MilestoneCode; field: MilestoneField }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; errors: FieldErrors; title: string }
  | SaveProblem;

const FIELD_LABELS: Record<MilestoneField, string> = { forecastDate: 'Prognosedatum', actualDate: 'Werkelijke datum (gehaald op)' };
/** Lower-case name of the field inside a sentence. */
const FIELD_NAMES: Record<MilestoneField, string> = { forecastDate: 'prognosedatum', actualDate: 'werkelijke datum' };
const FIELDS: readonly MilestoneField[] = ['forecastDate', 'actualDate'];
const REASON_FIELDS: readonly DelayReasonField[] = ['category', 'text', 'knelpuntId'];

export const MilestoneEditForm = forwardRef<MilestoneEditFormHandle, MilestoneEditFormProps>(function MilestoneEditForm(
  { project, onSaved, onReload, editable },
  ref,
) {
  const id = useId();
  const choices = editable ? MILESTONES.filter((m) => editable.includes(m.code)) : MILESTONES;
  const [code, setCode] = useState<MilestoneCode>(() => (choices.some((m) => m.code === 'M12') ? 'M12' : (choices[0]?.code ?? 'M12')));
  const [texts, setTexts] = useState<Record<MilestoneField, string>>({ forecastDate: '', actualDate: '' });
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [confirmClear, setConfirmClear] = useState<MilestoneField | null>(null);
  const [reason, setReason] = useState(EMPTY_DELAY_REASON);
  const [reasonErrors, setReasonErrors] = useState<DelayReasonErrors>({});
  const reasonRef = useRef<HTMLSelectElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const fieldRefs = { forecastDate: useRef<HTMLInputElement>(null), actualDate: useRef<HTMLInputElement>(null) };
  const milestone = project.milestones.find((m) => m.code === code);
  const stored = (field: MilestoneField): string | null => milestone?.[field] ?? null;
  // Why the date moves: asked as soon as the typed forecast lies past the tolerance (the API's own rule).
  const typedForecast = parseDateInput(texts.forecastDate);
  const asksReason = typedForecast.kind === 'date' && typedForecast.iso !== stored('forecastDate') && needsDelayReason(milestone, typedForecast.iso);
  const openKnelpunten = project.knelpunten.filter((k) => !k.resolvedDate);

  const fillFrom = (p: ProjectDetail, c: MilestoneCode) => {
    const m = p.milestones.find((x) => x.code === c);
    setTexts({ forecastDate: isoToInput(m?.forecastDate), actualDate: isoToInput(m?.actualDate) });
  };

  // A different milestone: show its current dates.
  useEffect(() => {
    fillFrom(project, code);
    setConfirmClear(null);
    setReason(EMPTY_DELAY_REASON);
    setReasonErrors({});
    // Only when the choice changes; a reload after a conflict keeps what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  useEffect(() => {
    if (confirmClear) confirmRef.current?.focus();
  }, [confirmClear]);

  useImperativeHandle(ref, () => ({
    edit: (c) => {
      setCode(c);
      setOutcome({ kind: 'none' });
      selectRef.current?.focus();
      selectRef.current?.scrollIntoView({ block: 'center' });
    },
  }));

  const showInvalid = (errors: FieldErrors, title: string, reasons: DelayReasonErrors = {}) => {
    setOutcome({ kind: 'invalid', errors, title });
    setReasonErrors(reasons);
    const first = FIELDS.find((f) => errors.fields[f]);
    if (first) fieldRefs[first].current?.focus();
    else if (Object.keys(reasons).length > 0) document.getElementById(`${id}-reason-${REASON_FIELDS.find((f) => reasons[f])}`)?.focus();
  };

  /** Send a change; problems come back next to their fields. */
  const send = async (change: Omit<MilestoneChange, 'version'>, done: Outcome) => {
    setSaving(true);
    setOutcome({ kind: 'none' });
    setReasonErrors({});
    try {
      const saved = await api.updateMilestone(project.id, code, { version: project.version, ...change });
      onSaved(saved);
      fillFrom(saved, code);
      setReason(EMPTY_DELAY_REASON);
      setOutcome(done);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 422) && err.problem?.errors?.length) {
        const index = project.milestones.findIndex((m) => m.code === code);
        const others = err.problem.errors.filter((e) => !e.path.startsWith('delayReason'));
        showInvalid(mapMilestoneErrors(others, index), err.problem.title, delayReasonErrorsOf(err.problem.errors));
      } else {
        setOutcome(saveProblem(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setConfirmClear(null);
    const today = todayIso();
    const errors: FieldErrors = { fields: {}, other: [] };
    const change: Omit<MilestoneChange, 'version'> = {};
    for (const field of FIELDS) {
      const before = stored(field);
      const what = `De ${FIELD_NAMES[field]} van ${milestoneLabel(code)} (${code})`;
      const checked = checkDateInput(texts[field], { what, kind: field === 'actualDate' ? 'happened' : 'planned', today });
      if (checked.kind === 'invalid') {
        // A stored date left as it is is not checked again (it may predate the rule); the server agrees.
        if (!(before && texts[field].trim() === isoToInput(before))) errors.fields[field] = checked.message;
      } else if (checked.kind === 'empty') {
        if (before) {
          errors.fields[field] =
            `Vul een datum in. Wilt u de ${FIELD_NAMES[field]} (${formatDate(before)}) wissen? Gebruik dan de knop ‘${FIELD_LABELS[field]} wissen’.`;
        }
      } else if (checked.iso !== before) {
        change[field] = checked.iso;
      }
    }
    const reasons = asksReason && change.forecastDate ? checkDelayReason(reason) : {};
    if (Object.keys(errors.fields).length > 0 || Object.keys(reasons).length > 0) {
      showInvalid(errors, 'De mijlpaal is niet opgeslagen.', reasons);
      return;
    }
    if (asksReason && change.forecastDate) change.delayReason = delayReasonBody(reason);
    if (Object.keys(change).length === 0) {
      setOutcome({ kind: 'unchanged' });
      return;
    }
    await send(change, { kind: 'saved', code });
  };

  const clear = async (field: MilestoneField) => {
    setConfirmClear(null);
    await send({ [field]: null }, { kind: 'cleared', code, field });
  };

  const reload = async () => {
    await onReload();
    setOutcome({ kind: 'reloaded' });
  };

  const fieldErrors = outcome.kind === 'invalid' ? outcome.errors.fields : {};
  const summaryFields = FIELDS.filter((f) => fieldErrors[f]);
  const reasonSummary = outcome.kind === 'invalid' ? REASON_FIELDS.filter((f) => reasonErrors[f]) : [];

  return (
    <form className="wbm-edit-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate data-testid="milestone-edit-form">
      <Heading level={3} id={`${id}-title`}>
        Mijlpaal bijwerken
      </Heading>
      <Paragraph>
        Vul de verwachte datum (prognose) in, of de datum waarop de mijlpaal echt is gehaald. Een datum wissen doet u met de knop onder het veld.
      </Paragraph>

      <SaveProblemAlert
        outcome={outcome}
        notSaved="Uw wijziging is niet opgeslagen."
        reloaded="De nieuwste versie van het project is geladen. Controleer uw invoer en kies opnieuw “Opslaan”."
        onReload={reload}
      />
      {outcome.kind === 'invalid' && (
        <Alert type="error" title={`${outcome.title} Bekijk de meldingen bij de velden.`} urgent>
          {(summaryFields.length > 0 || reasonSummary.length > 0 || outcome.errors.other.length > 0) && (
            <ErrorSummaryList
              testId="milestone-error-summary"
              fields={[
                ...summaryFields.map((f) => ({
                  id: `${id}-${f}`,
                  label: FIELD_LABELS[f],
                  message: fieldErrors[f] ?? '',
                  focus: () => fieldRefs[f].current?.focus(),
                })),
                ...reasonSummary.map((f) => ({
                  id: `${id}-reason-${f}`,
                  label: DELAY_REASON_LABELS[f],
                  message: reasonErrors[f] ?? '',
                  focus: () => document.getElementById(`${id}-reason-${f}`)?.focus(),
                })),
              ]}
              other={outcome.errors.other}
            />
          )}
        </Alert>
      )}

      <div className="wbm-edit-form__fields">
        <FormField id={`${id}-code`} label="Mijlpaal">
          <Select
            id={`${id}-code`}
            ref={selectRef}
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
          </Select>
          <FieldDescription id={`${id}-baseline`}>
            Basisplanning: {milestone?.baselineDate ? formatDate(milestone.baselineDate) : 'geen'}
          </FieldDescription>
        </FormField>
        {FIELDS.map((field) => {
          const before = stored(field);
          return (
            <DateField
              key={field}
              id={`${id}-${field}`}
              label={FIELD_LABELS[field]}
              value={texts[field]}
              onChange={(text) => setTexts((t) => ({ ...t, [field]: text }))}
              error={fieldErrors[field]}
              inputRef={fieldRefs[field]}
              describedBy={field === 'forecastDate' ? `${id}-baseline` : undefined}
              testId={`milestone-${field}`}
            >
              {before && confirmClear !== field && (
                <Button appearance="subtle" className="wbm-clear-date" disabled={saving} onClick={() => setConfirmClear(field)}>
                  {FIELD_LABELS[field]} wissen
                </Button>
              )}
              {before && confirmClear === field && (
                <div className="wbm-confirm" role="group" aria-labelledby={`${id}-${field}-confirm`} data-testid={`confirm-clear-${field}`}>
                  <Paragraph id={`${id}-${field}-confirm`}>
                    Weet u zeker dat u de {FIELD_NAMES[field]} van {code} {milestoneLabel(code)} ({formatDate(before)}) wilt wissen?
                  </Paragraph>
                  <ButtonGroup>
                    <Button appearance="primary-action" ref={confirmRef} disabled={saving} onClick={() => clear(field)}>
                      Ja, wis de {FIELD_NAMES[field]}
                    </Button>
                    <Button appearance="secondary-action" onClick={() => setConfirmClear(null)}>
                      Nee, niet wissen
                    </Button>
                  </ButtonGroup>
                </div>
              )}
            </DateField>
          );
        })}
      </div>
      {asksReason && (
        <DelayReasonFields
          idPrefix={`${id}-reason`}
          value={reason}
          onChange={setReason}
          errors={outcome.kind === 'invalid' ? reasonErrors : {}}
          knelpunten={openKnelpunten}
          firstRef={reasonRef}
        />
      )}
      <ButtonGroup className="wbm-button-row">
        <SubmitButton busy={saving} busyText="Bezig met opslaan…">
          Opslaan
        </SubmitButton>
      </ButtonGroup>
      <Paragraph className="wbm-save-status" role="status">
        {outcome.kind === 'saved' && `Mijlpaal ${outcome.code} ${milestoneLabel(outcome.code)} is opgeslagen.`}
        {outcome.kind === 'cleared' && `De ${FIELD_NAMES[outcome.field]} van mijlpaal ${outcome.code} ${milestoneLabel(outcome.code)} is gewist.`}
        {outcome.kind === 'unchanged' && 'Er is niets gewijzigd; er is niets opgeslagen.'}
      </Paragraph>
    </form>
  );
});
