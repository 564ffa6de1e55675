/**
 * At the top of a project page that is no active plan: "Dit plan is vervallen op … Reden: …" with "Weer actief
 * maken" for those who may, or "Dit project is samengevoegd met …" with a link to the record that stays.
 * Issue 12 item 2; what such a project still counts for is src/domain/withdrawal.ts.
 */
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ProjectDetail } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { Alert } from '../../components/Feedback.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatDate } from '../../labels.ts';
import { ReasonForm } from './ReasonForm.tsx';

export interface LifecycleNoticeProps {
  project: ProjectDetail;
  /** May make the plan active again (src/domain/access.ts canEndProject). */
  canEnd: boolean;
  onSaved: (project: ProjectDetail) => void;
  onReload: () => Promise<void>;
}

export function LifecycleNotice({ project, canEnd, onSaved, onReload }: LifecycleNoticeProps) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const lifecycle = project.lifecycle;
  if (!lifecycle || lifecycle.state === 'actief') {
    return (
      <Paragraph className="wbm-save-status" role="status">
        {status}
      </Paragraph>
    );
  }
  if (lifecycle.state === 'samengevoegd') {
    return (
      <div data-testid="lifecycle-notice">
        <Alert type="info" title="Dit project is samengevoegd">
          <Paragraph>
            Dit project is samengevoegd met{' '}
            {lifecycle.mergedIntoId ? (
              <TextLink to={`/projecten/${encodeURIComponent(lifecycle.mergedIntoId)}`}>
                {lifecycle.mergedIntoName ?? 'het project dat blijft'}
              </TextLink>
            ) : (
              'een project dat later is verwijderd'
            )}
            {lifecycle.mergedAt ? ` op ${formatDate(lifecycle.mergedAt.slice(0, 10))}` : ''}. Het telt nergens meer mee. De geschiedenis blijft
            bewaard.
          </Paragraph>
        </Alert>
      </div>
    );
  }
  return (
    <div data-testid="lifecycle-notice">
      <Alert type="warning" title="Dit plan is vervallen">
        <Paragraph>
          Dit plan is vervallen op {formatDate(lifecycle.withdrawnDate)}. Reden: {lifecycle.withdrawnReason}
        </Paragraph>
        <Paragraph>
          Het telt niet meer mee in de cijfers van de tafel, de plancapaciteit en de kwartaalronde. Het telt wel mee als planuitval.
        </Paragraph>
        {canEnd && !open && (
          <Button appearance="secondary-action" onClick={() => setOpen(true)}>
            Weer actief maken
          </Button>
        )}
      </Alert>
      {canEnd && open && (
        <ReasonForm
          testId="reinstate-form"
          title="Plan weer actief maken"
          intro="Gaat het plan toch door? Dan telt het weer mee in alle cijfers. Geef aan waarom."
          reasonLabel="Reden (verplicht)"
          reasonHelp="Bijvoorbeeld: “Nieuwe ontwikkelaar gevonden, besluit college 3 maart.”"
          reasonWhat="het plan weer actief wordt"
          submit="Plan weer actief maken"
          send={(reason) => api.reinstateProject(project.id, { version: project.version, reason })}
          onSaved={(saved) => {
            setOpen(false);
            setStatus('Het plan is weer actief en telt weer mee in de cijfers.');
            onSaved(saved);
          }}
          onReload={onReload}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}
