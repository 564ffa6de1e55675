/** Kwartaalronde: closing the quarter after a confirmation step. */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { RoundDetail } from '../../api/types.ts';
import { Alert } from '../../components/Feedback.tsx';
import { formatProjectCount } from '../../labels.ts';
import { quarterLabel } from './quarters.ts';
import { failure } from './ActionStatus.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Button } from '../../components/Button.tsx';
import { Section } from '../../components/Section.tsx';
import { ButtonGroup } from '../../components/ButtonGroup.tsx';

/** Close the quarter, after a confirmation step: it freezes every project of the table. */
export function CloseRound({ round, regionName, onClosed }: { round: RoundDetail; regionName: string; onClosed: (round: RoundDetail) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      onClosed(await api.closeRound(round.id));
    } catch (err) {
      setError(failure(err));
      setBusy(false);
    }
  };

  return (
    <Section id="ronde-sluiten" title="Kwartaal sluiten">
      <Paragraph>
        Sluit het kwartaal na de tafel. De stand van alle projecten wordt dan bewaard; die kunt u later altijd terugzien. Wijzigingen daarna horen bij
        het volgende kwartaal.
      </Paragraph>
      {!asking ? (
        <Button appearance="secondary-action" onClick={() => setAsking(true)}>
          {quarterLabel(round.quarter)} sluiten…
        </Button>
      ) : (
        <div className="wbm-confirm" role="group" aria-labelledby="ronde-sluiten-vraag">
          <Heading level={3} id="ronde-sluiten-vraag" ref={question} tabIndex={-1}>
            Weet u zeker dat u {quarterLabel(round.quarter)} van {regionName} wilt sluiten?
          </Heading>
          <Paragraph>
            {round.delivery.outstanding > 0
              ? `${formatProjectCount(round.delivery.outstanding)} ${round.delivery.outstanding === 1 ? 'is' : 'zijn'} nog niet geleverd. `
              : 'Alle projecten zijn geleverd. '}
            Een gesloten kwartaal kan niet meer open.
          </Paragraph>
          {error && (
            <Alert type="error" title="Sluiten is niet gelukt" urgent>
              <Paragraph>{error}</Paragraph>
            </Alert>
          )}
          <ButtonGroup className="wbm-button-row">
            <Button appearance="primary-action" onClick={close} disabled={busy}>
              {busy ? 'Bezig met sluiten…' : `Ja, sluit ${quarterLabel(round.quarter)}`}
            </Button>
            <Button appearance="secondary-action" onClick={() => setAsking(false)} disabled={busy}>
              Annuleren
            </Button>
          </ButtonGroup>
        </div>
      )}
    </Section>
  );
}
