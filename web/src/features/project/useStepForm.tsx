/**
 * What the knelpunt forms (add, change, escalate, resolve) share: sending one step to the API, the errors next to
 * their fields (the API's `errors[].path` is the field's name), an error summary that gets the focus, and a version
 * conflict (409) offered as "Laad de nieuwste versie" while what was typed stays in the form.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import { ErrorSummaryList } from '../../components/ErrorSummaryList.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface StepForm<F extends string> {
  errors: FieldErrors<F>;
  busy: boolean;
  /** Checks `local` first (nothing is sent when a field is wrong), then sends; true when the step was saved. */
  run: (local: FieldErrors<F>, send: () => Promise<unknown>) => Promise<boolean>;
  /** The error summary and the save problems, to put above the fields. */
  summary: ReactNode;
}

/**
 * `fields`: the form's fields with their label and the id of their control, in the order of the form; an API error on
 * another path shows in the summary without a link.
 */
export function useStepForm<F extends string>(
  fields: ReadonlyArray<{ name: F; label: string; id: string }>,
  onReload: () => Promise<void>,
  testId: string,
): StepForm<F> {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [other, setOther] = useState<string[]>([]);
  const [problem, setProblem] = useState<SaveProblem | { kind: 'none' }>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const names = fields.map((f) => f.name as string);

  // Each time errors are shown, the summary gets the focus (WCAG 3.3.1): it names every wrong field.
  useEffect(() => {
    if (shown > 0) summaryRef.current?.focus();
  }, [shown]);

  const showErrors = (fieldErrors: FieldErrors<F>, rest: string[]) => {
    setErrors(fieldErrors);
    setOther(rest);
    setShown((n) => n + 1);
  };

  const run = async (local: FieldErrors<F>, send: () => Promise<unknown>): Promise<boolean> => {
    setProblem({ kind: 'none' });
    if (Object.values(local).some(Boolean)) {
      showErrors(local, []);
      return false;
    }
    setBusy(true);
    try {
      await send();
      setErrors({});
      setOther([]);
      return true;
    } catch (err) {
      const issues = err instanceof ApiError && (err.status === 400 || err.status === 422) ? (err.problem?.errors ?? []) : [];
      if (issues.length > 0) {
        const fieldErrors: FieldErrors<F> = {};
        const rest: string[] = [];
        for (const issue of issues) {
          if (names.includes(issue.path)) {
            const name = issue.path as F;
            fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]} ${issue.message}` : issue.message;
          } else rest.push(issue.message);
        }
        showErrors(fieldErrors, rest);
      } else {
        setErrors({});
        setOther([]);
        setProblem(saveProblem(err));
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const wrong = fields.filter((f) => errors[f.name]);
  const summary = (
    <>
      <SaveProblemAlert
        outcome={problem}
        notSaved="Uw wijziging is niet opgeslagen."
        reloaded="De nieuwste versie van het project is geladen. Controleer uw invoer en probeer het opnieuw."
        onReload={() => void onReload().then(() => setProblem({ kind: 'reloaded' }))}
      />
      {(wrong.length > 0 || other.length > 0) && (
        <div ref={summaryRef} tabIndex={-1} className="wbm-error-summary">
          <Alert type="error" title="Controleer het formulier" urgent>
            <ErrorSummaryList
              testId={testId}
              fields={wrong.map((f) => ({ id: f.id, label: f.label, message: errors[f.name]!, focus: () => document.getElementById(f.id)?.focus() }))}
              other={other}
            />
          </Alert>
        </div>
      )}
    </>
  );
  return { errors, busy, run, summary };
}

/** aria attributes of a control whose error (if any) stands next to it (FormField puts it at `${id}-error`). */
export const invalidProps = (id: string, error: string | undefined) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
