/**
 * One part of a project changed on the project page ("Kerngegevens wijzigen", "Programma wijzigen", …): a button
 * that opens a small form, checked before sending with the server's rules; the server's errors next to their
 * fields and in a summary that takes the focus; a version conflict (409) explained with a way to load the newest
 * version — in every case what was typed stays. Saved: the form closes and says so.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Issue, ProjectDetail } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { FormErrors } from './formParts.tsx';
import type { FieldErrors } from './projectForm.ts';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';

/** What a form does with its values: the errors found before sending, nothing to save, or the save itself. */
export type Prepared =
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'unchanged' }
  | {
      kind: 'save';
      send: (version: number) => Promise<ProjectDetail>;
      /** The server's errors under the form's keys. */
      mapIssues: (issues: readonly Issue[]) => { errors: FieldErrors; other: string[] };
    };

export interface ProjectPartFormProps<V> {
  project: ProjectDetail;
  onSaved: (project: ProjectDetail) => void;
  /** Fetches the newest version of the project (after a conflict). */
  onReload: () => Promise<void>;
  /** Words of the button that opens the form, also the form's heading ("Programma wijzigen"). */
  title: string;
  /** Said once saved ("Het programma is opgeslagen."). */
  savedText: string;
  testId: string;
  /** Prefix of the control ids. */
  prefix: string;
  initial: (project: ProjectDetail) => V;
  prepare: (values: V, project: ProjectDetail) => Prepared;
  children: (values: V, setValues: (values: V) => void, errors: FieldErrors) => ReactNode;
}

type Outcome = { kind: 'none' } | { kind: 'saved' } | { kind: 'unchanged' } | SaveProblem;

export function ProjectPartForm<V>({
  project,
  onSaved,
  onReload,
  title,
  savedText,
  testId,
  prefix,
  initial,
  prepare,
  children,
}: ProjectPartFormProps<V>) {
  const titleId = useId();
  const [values, setValues] = useState<V | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const openButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where the focus goes after the form opens or closes (once the render has put the element on screen).
  const focus = useRef<'form' | 'button' | null>(null);

  useEffect(() => {
    const target = focus.current;
    focus.current = null;
    if (target === 'form') heading.current?.focus();
    if (target === 'button') openButton.current?.focus();
  });

  const open = () => {
    setValues(initial(project));
    setErrors({});
    setOther([]);
    setOutcome({ kind: 'none' });
    focus.current = 'form';
  };
  const close = (next: Outcome) => {
    setValues(null);
    setOutcome(next);
    focus.current = 'button';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (values === null) return;
    setOutcome({ kind: 'none' });
    const prepared = prepare(values, project);
    if (prepared.kind === 'invalid') {
      setErrors(prepared.errors);
      setOther([]);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setOther([]);
    if (prepared.kind === 'unchanged') return close({ kind: 'unchanged' });
    setBusy(true);
    try {
      const saved = await prepared.send(project.version);
      onSaved(saved);
      close({ kind: 'saved' });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 422) && err.problem?.errors?.length) {
        const mapped = prepared.mapIssues(err.problem.errors);
        setErrors(mapped.errors);
        setOther(mapped.other);
        setAttempt((n) => n + 1);
      } else {
        setOutcome(saveProblem(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    await onReload();
    setOutcome({ kind: 'reloaded' });
  };

  return (
    <div className="wbm-part-edit">
      {values === null ? (
        <Button ref={openButton} appearance="secondary-action" onClick={open}>
          {title}
        </Button>
      ) : (
        <form className="wbm-edit-form" onSubmit={(e) => void submit(e)} aria-labelledby={titleId} noValidate data-testid={testId}>
          <Heading level={3} id={titleId} ref={heading} tabIndex={-1}>
            {title}
          </Heading>
          <FormErrors
            prefix={prefix}
            errors={errors}
            other={other}
            attempt={attempt}
            title="Niet opgeslagen. Controleer het formulier"
            testId={`${testId}-errors`}
          />
          <SaveProblemAlert
            outcome={outcome}
            notSaved="Uw wijziging is niet opgeslagen."
            reloaded="De nieuwste versie van het project is geladen. Controleer uw invoer en kies opnieuw “Opslaan”."
            onReload={() => void reload()}
          />
          {children(values, setValues, errors)}
          <ButtonGroup className="wbm-button-row">
            <SubmitButton busy={busy} busyText="Bezig met opslaan…">
              Opslaan
            </SubmitButton>
            <Button appearance="secondary-action" onClick={() => close({ kind: 'none' })}>
              Annuleren
            </Button>
          </ButtonGroup>
        </form>
      )}
      <Paragraph className="wbm-save-status" role="status">
        {outcome.kind === 'saved' && savedText}
        {outcome.kind === 'unchanged' && 'Er was niets gewijzigd; er is niets opgeslagen.'}
      </Paragraph>
    </div>
  );
}
