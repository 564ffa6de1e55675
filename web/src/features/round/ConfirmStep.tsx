/** Kwartaalronde: the question asked once before a bulk confirmation. */
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ConfirmPreview } from '../../api/types.ts';
import { Alert, Loading } from '../../components/Feedback.tsx';
import { formatProjectCount } from '../../labels.ts';
import { failure } from './ActionStatus.tsx';
import type { Asking } from './roundTypes.ts';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { FormField } from '../../components/FormField.tsx';
import { ProjectNameList } from './ProjectNameList.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';
import { FieldDescription } from '../../components/FieldDescription.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';
import { Textarea } from '../../components/Textarea.tsx';

/**
 * Ask once before a bulk confirmation: how many projects, which ones (collapsible), which are left out
 * because a forecast has passed, and — when the secretary records it on a party's behalf — why.
 */
export function ConfirmStep({
  roundId,
  asking,
  busy,
  onCancel,
  onConfirm,
}: {
  roundId: string;
  asking: Asking;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const id = useId();
  const { organisation, onBehalf } = asking;
  const [preview, setPreview] = useState<ConfirmPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let cancelled = false;
    // The preview of a delivery on behalf needs a reason to be accepted; a placeholder shows what it covers.
    api
      .previewConfirmation(roundId, {
        organisationId: organisation.organisationId,
        ...(onBehalf ? { reason: 'voorvertoning van de bevestiging' } : {}),
      })
      .then(
        (p) => !cancelled && setPreview(p),
        (err: unknown) => !cancelled && setError(failure(err)),
      );
    return () => {
      cancelled = true;
    };
  }, [roundId, organisation.organisationId, onBehalf]);
  useEffect(() => {
    if (preview || error) heading.current?.focus();
  }, [preview, error]);

  const n = preview?.projects.length ?? 0;
  const submit = () => {
    if (onBehalf && reason.trim().length < 10) {
      setReasonError('Geef een reden van minstens 10 tekens: waarom legt u de levering vast namens deze partij?');
      return;
    }
    setReasonError(null);
    onConfirm(reason.trim());
  };
  return (
    <div className="wbm-confirm" role="group" aria-labelledby={`${id}-q`} data-testid="confirm-summary">
      {!preview && !error && <Loading>Overzicht van de projecten wordt geladen…</Loading>}
      {error && (
        <Alert type="error" title="Het overzicht is niet geladen" urgent>
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {preview && (
        <>
          <Heading level={3} id={`${id}-q`} ref={heading} tabIndex={-1}>
            {n === 0
              ? `${organisation.name} heeft geen projecten die nu als ongewijzigd bevestigd kunnen worden`
              : `${formatProjectCount(n)} van ${organisation.name} ${onBehalf ? 'namens de partij ' : ''}bevestigen als ongewijzigd?`}
          </Heading>
          {n > 0 && (
            <details className="wbm-confirm__list">
              <summary>Toon de {formatProjectCount(n)}</summary>
              <ProjectNameList projects={preview.projects} projectKey={(p) => p.projectId} testId="confirm-summary-projects" />
            </details>
          )}
          {preview.refused.length > 0 && (
            <details className="wbm-confirm__list" open>
              <summary>{formatProjectCount(preview.refused.length)} niet meegenomen: prognose verstreken</summary>
              <UnorderedList data-testid="confirm-summary-refused">
                {preview.refused.map((p) => (
                  <li key={p.projectId}>{p.message}</li>
                ))}
              </UnorderedList>
            </details>
          )}
          {onBehalf && n > 0 && (
            <FormField id={`${id}-reason`} label="Reden (verplicht)" error={reasonError}>
              <Textarea
                id={`${id}-reason`}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={[reasonError ? `${id}-reason-error` : null, `${id}-reason-help`].filter(Boolean).join(' ')}
              />
              <FieldDescription id={`${id}-reason-help`}>
                U legt dit vast namens {organisation.name}. In het overzicht staat dat de secretaris het heeft vastgelegd, met deze reden.
              </FieldDescription>
            </FormField>
          )}
          <Paragraph>U kunt dit ongedaan maken zolang het kwartaal open is.</Paragraph>
          <ButtonGroup className="wbm-button-row">
            {n > 0 && (
              <Button appearance="primary-action" onClick={submit} disabled={busy}>
                {busy ? 'Bezig…' : `Ja, bevestig ${formatProjectCount(n)}`}
              </Button>
            )}
            <Button appearance="secondary-action" onClick={onCancel} disabled={busy}>
              {n > 0 ? 'Annuleren' : 'Sluiten'}
            </Button>
          </ButtonGroup>
        </>
      )}
    </div>
  );
}
