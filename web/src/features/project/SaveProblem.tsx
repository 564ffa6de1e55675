/**
 * A save of the project that did not go through, as both edit forms (a milestone, the rebaseline) say it:
 * someone else changed the project first (409: the version sent is no longer the newest), with a button to
 * load the newest version while what was typed stays; then that the newest version is loaded; or that
 * saving failed for another reason. Wrong values are each form's own business.
 */
import { ApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';

/** The outcomes of a save this module speaks about; a form's own outcome type includes them as they are. */
export type SaveProblem = { kind: 'conflict'; detail: string } | { kind: 'reloaded' } | { kind: 'failed'; message: string };

const SAVE_PROBLEM_KINDS: readonly string[] = ['conflict', 'reloaded', 'failed'] satisfies SaveProblem['kind'][];

/** True for a save problem (the form's outcome type includes SaveProblem, so the kind tells the shape). */
function isSaveProblem(outcome: { kind: string }): outcome is SaveProblem {
  return SAVE_PROBLEM_KINDS.includes(outcome.kind);
}

/** The problem of a save that failed other than by wrong values. */
export function saveProblem(err: unknown): SaveProblem {
  if (err instanceof ApiError && err.status === 409)
    return { kind: 'conflict', detail: err.problem?.detail ?? 'Iemand anders heeft dit project intussen gewijzigd.' };
  return { kind: 'failed', message: err instanceof Error ? err.message : 'Onbekende fout.' };
}

export function SaveProblemAlert({
  outcome,
  notSaved,
  reloaded,
  onReload,
}: {
  /** The form's outcome; only the save problems are shown here. */
  outcome: { kind: string };
  /** What did not happen ("Uw wijziging is niet opgeslagen."). */
  notSaved: string;
  /** What to do once the newest version is loaded. */
  reloaded: string;
  /** Loads the newest version of the project. */
  onReload: () => void;
}) {
  if (!isSaveProblem(outcome)) return null;
  const problem = outcome;
  if (problem.kind === 'conflict') {
    return (
      <Alert type="warning" title="Iemand anders was u voor" urgent>
        <Paragraph>{problem.detail}</Paragraph>
        <Paragraph>{notSaved} Laad de nieuwste versie; wat u hebt ingevuld blijft staan.</Paragraph>
        <Button appearance="primary-action" onClick={onReload}>
          Laad de nieuwste versie
        </Button>
      </Alert>
    );
  }
  if (problem.kind === 'reloaded') {
    return (
      <Alert type="info" urgent>
        <Paragraph>{reloaded}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert type="error" title="Opslaan is niet gelukt" urgent>
      <Paragraph>{problem.message}</Paragraph>
    </Alert>
  );
}
