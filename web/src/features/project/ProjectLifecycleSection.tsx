/**
 * "Plan beëindigen of samenvoegen" (issue 12 item 2), for those who may change the project: withdraw a plan that
 * will not be built (kept, counted as planuitval), merge two records of the same plan, or delete a record made
 * in error (after a confirmation that says so). One act open at a time.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { projectDeleted, projectsMerged } from '../../api/invalidation.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { ActionFeedback } from '../../components/ActionFeedback.tsx';
import { Button } from '../../components/Button.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { MergeProjectForm } from './MergeProjectForm.tsx';
import { ReasonForm } from './ReasonForm.tsx';
import { saveProblem, SaveProblemAlert, type SaveProblem } from './SaveProblem.tsx';

export interface ProjectLifecycleSectionProps {
  project: ProjectDetail;
  organisationName: (organisationId: string) => string;
  onSaved: (project: ProjectDetail) => void;
  /** A merge went through: the record that stays. */
  onMerged: (kept: ProjectDetail) => Promise<void>;
  /** The project was deleted. */
  onDeleted: () => Promise<void>;
  onReload: () => Promise<void>;
}

type Act = 'none' | 'withdraw' | 'merge' | 'delete';

export const DELETE_WARNING = 'Verwijderen is alleen voor een project dat per vergissing is aangemaakt. Laat een plan dat niet doorgaat vervallen.';

export function ProjectLifecycleSection({ project, organisationName, onSaved, onMerged, onDeleted, onReload }: ProjectLifecycleSectionProps) {
  const [act, setAct] = useState<Act>('none');
  const [status, setStatus] = useState<string | null>(null);
  const [deleteOutcome, setDeleteOutcome] = useState<{ kind: 'none' } | SaveProblem>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const state = project.lifecycle?.state ?? 'actief';
  if (state === 'samengevoegd') return null;

  const open = (next: Act) => {
    setStatus(null);
    setDeleteOutcome({ kind: 'none' });
    setAct(next);
  };

  const remove = async () => {
    setBusy(true);
    setDeleteOutcome({ kind: 'none' });
    try {
      await api.deleteProject(project.id, project.version);
      await onDeleted();
    } catch (err) {
      setDeleteOutcome(saveProblem(err));
      setBusy(false);
    }
  };

  return (
    <Section id="beeindigen" title="Plan beëindigen of samenvoegen">
      <div data-testid="lifecycle-section">
        <Paragraph>
          Gaat dit plan niet door? Laat het vervallen: het blijft bewaard met zijn geschiedenis en telt mee als planuitval. Staat hetzelfde plan twee
          keer in de monitor? Voeg de twee samen. Verwijderen is alleen voor een project dat per vergissing is aangemaakt.
        </Paragraph>
        {act === 'none' && (
          <ButtonGroup>
            {state === 'actief' && (
              <Button appearance="secondary-action" onClick={() => open('withdraw')}>
                Plan laten vervallen
              </Button>
            )}
            <Button appearance="secondary-action" onClick={() => open('merge')}>
              Samenvoegen met een ander project
            </Button>
            <Button appearance="secondary-action" onClick={() => open('delete')}>
              Project verwijderen
            </Button>
          </ButtonGroup>
        )}
        {act === 'withdraw' && (
          <ReasonForm
            testId="withdraw-form"
            title="Plan laten vervallen"
            intro="Het plan blijft met zijn geschiedenis bewaard, maar telt niet meer mee in de cijfers van de tafel, de plancapaciteit en de kwartaalronde. Het telt wel mee als planuitval. U kunt het later weer actief maken."
            withDate={{ label: 'Datum vervallen (verplicht)', what: 'De datum waarop het plan is vervallen' }}
            reasonLabel="Reden (verplicht)"
            reasonHelp="Bijvoorbeeld: “Gemeenteraad heeft het bestemmingsplan afgewezen.”"
            reasonWhat="het plan vervalt"
            submit="Vervallen bevestigen"
            send={(reason, date) => api.withdrawProject(project.id, { version: project.version, reason, date: date ?? '' })}
            onSaved={(saved) => {
              setAct('none');
              setStatus('Het plan is vervallen. Het telt nu mee als planuitval.');
              onSaved(saved);
            }}
            onReload={onReload}
            onCancel={() => setAct('none')}
          />
        )}
        {act === 'merge' && (
          <MergeProjectForm
            project={project}
            organisationName={organisationName}
            onMerged={async (kept) => {
              setAct('none');
              await onMerged(kept);
            }}
            onReload={onReload}
            onCancel={() => setAct('none')}
          />
        )}
        {act === 'delete' && (
          <div className="wbm-edit-form" role="group" aria-label="Verwijderen bevestigen" data-testid="delete-project-confirm">
            <SaveProblemAlert
              outcome={deleteOutcome}
              notSaved="Het project is niet verwijderd."
              reloaded="De nieuwste versie is geladen. Kies opnieuw “Ja, verwijder dit project” als het nog steeds per vergissing is aangemaakt."
              onReload={async () => {
                await onReload();
                setDeleteOutcome({ kind: 'reloaded' });
              }}
            />
            <Alert type="warning" title="Project verwijderen?">
              <Paragraph>{DELETE_WARNING}</Paragraph>
              <Paragraph>
                ‘{project.name}’ en zijn knelpunten worden verwijderd en tellen nergens meer mee. Dit kunt u niet terugdraaien. Wie het project kon
                zien, kan de geschiedenis nog lezen.
              </Paragraph>
            </Alert>
            <ButtonGroup>
              <Button appearance="primary-action" disabled={busy} onClick={() => void remove()} data-testid="delete-project-submit">
                Ja, verwijder dit project
              </Button>
              <Button appearance="secondary-action" onClick={() => setAct('none')}>
                Annuleren
              </Button>
            </ButtonGroup>
          </div>
        )}
        <ActionFeedback status={status} problem={null} testId="lifecycle-status" />
      </div>
    </Section>
  );
}

/** The section with what its acts make out of date: after a merge the record that stays is shown, after a delete the list. */
export function ProjectLifecycle(props: Omit<ProjectLifecycleSectionProps, 'onMerged' | 'onDeleted'>) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { project } = props;
  return (
    <ProjectLifecycleSection
      {...props}
      onMerged={async (kept) => {
        await projectsMerged(client, kept, project.id);
      }}
      onDeleted={async () => {
        await navigate('/projecten?verwijderd=ja');
        await projectDeleted(client, project.id);
      }}
    />
  );
}
