/**
 * A form that ends or restores a plan with a reason (and, for withdrawing, a date): "Plan laten vervallen" and
 * "Weer actief maken". The checks are the server's (lifecycleInput.ts); errors stand next to the fields and in a
 * summary that gets the focus; what was typed stays on every error; a version conflict offers the newest version.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { DateField } from '../../components/DateField.tsx';
import { isoToInput, todayIso } from '../../components/dateInput.ts';
import { Alert } from '../../components/Feedback.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Textarea } from '../../components/Textarea.tsx';
import { MAX_REASON_LENGTH } from '../../../../src/domain/withdrawal.ts';
import { checkReasonInput, reasonErrorsFrom, type ReasonErrors } from './lifecycleInput.ts';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';

export interface ReasonFormProps {
  title: string;
  intro: ReactNode;
  /** Ask for the date of the decision (withdrawing), starting at today. */
  withDate?: { label: string; what: string };
  reasonLabel: string;
  reasonHelp: string;
  /** Ends "Vul de reden in waarom …". */
  reasonWhat: string;
  submit: string;
  /** Sends the act; answers the saved project. */
  send: (reason: string, date: string | null) => Promise<ProjectDetail>;
  onSaved: (project: ProjectDetail) => void;
  onReload: () => Promise<void>;
  onCancel: () => void;
  testId: string;
}

export function ReasonForm(props: ReasonFormProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(() => (props.withDate ? isoToInput(todayIso()) : ''));
  const [errors, setErrors] = useState<ReasonErrors>({});
  const [outcome, setOutcome] = useState<{ kind: 'none' } | SaveProblem>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const shown = Object.values(errors).some(Boolean);

  // WCAG: after a refused submit the focus goes to the summary of what is wrong.
  useEffect(() => {
    if (shown) summary.current?.focus();
  }, [errors, shown]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome({ kind: 'none' });
    const checked = checkReasonInput(
      { reason, date: props.withDate ? date : undefined },
      { reasonWhat: props.reasonWhat, dateWhat: props.withDate?.what },
    );
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return;
    setBusy(true);
    try {
      props.onSaved(await props.send(reason.trim(), checked.iso));
    } catch (err) {
      if (err instanceof ApiError && err.status !== 409 && err.problem?.errors?.length) setErrors(reasonErrorsFrom(err.problem.errors));
      else setOutcome(saveProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const reasonId = `${id}-reason`;
  const dateId = `${id}-date`;
  return (
    <form className="wbm-edit-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate data-testid={props.testId}>
      <Heading level={3} id={`${id}-title`}>
        {props.title}
      </Heading>
      <Paragraph>{props.intro}</Paragraph>
      <SaveProblemAlert
        outcome={outcome}
        notSaved="Er is niets gewijzigd."
        reloaded={`De nieuwste versie is geladen. Controleer uw invoer en kies opnieuw “${props.submit}”.`}
        onReload={async () => {
          await props.onReload();
          setOutcome({ kind: 'reloaded' });
        }}
      />
      <div ref={summary} tabIndex={-1}>
        <FormErrorSummary
          testId={`${props.testId}-errors`}
          fields={[
            { id: reasonId, label: props.reasonLabel, message: errors.reason },
            ...(props.withDate ? [{ id: dateId, label: props.withDate.label, message: errors.date }] : []),
          ]}
        />
        {errors.general && (
          <Alert type="error" title="Dat kan niet" urgent>
            <Paragraph>{errors.general}</Paragraph>
          </Alert>
        )}
      </div>
      <FormField id={reasonId} label={props.reasonLabel} error={errors.reason} description={props.reasonHelp}>
        <Textarea
          id={reasonId}
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          aria-required="true"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={[errors.reason ? `${reasonId}-error` : null, `${reasonId}-help`].filter(Boolean).join(' ')}
        />
      </FormField>
      {props.withDate && <DateField id={dateId} label={props.withDate.label} value={date} onChange={setDate} error={errors.date} required />}
      <FormActions busy={busy} submit={busy ? 'Bezig met opslaan…' : props.submit} onCancel={props.onCancel} />
    </form>
  );
}
