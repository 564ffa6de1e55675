/** Kwartaalronde: closing the quarter after a confirmation step. */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { RoundDetail } from '../../api/types.ts';
import { Alert } from '../../components/Feedback.tsx';
import { formatProjectCount } from '../../labels.ts';
import { quarterLabel } from './quarters.ts';
import { failure } from './ActionStatus.tsx';

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
    <section className="wbm-section" aria-labelledby="ronde-sluiten">
      <h2 className="nl-heading nl-heading--level-2" id="ronde-sluiten">
        Kwartaal sluiten
      </h2>
      <p className="utrecht-paragraph">
        Sluit het kwartaal na de tafel. De stand van alle projecten wordt dan bewaard; die kunt u later altijd terugzien. Wijzigingen daarna
        horen bij het volgende kwartaal.
      </p>
      {!asking ? (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setAsking(true)}>
          {quarterLabel(round.quarter)} sluiten…
        </button>
      ) : (
        <div className="wbm-confirm" role="group" aria-labelledby="ronde-sluiten-vraag">
          <h3 className="nl-heading nl-heading--level-3" id="ronde-sluiten-vraag" ref={question} tabIndex={-1}>
            Weet u zeker dat u {quarterLabel(round.quarter)} van {regionName} wilt sluiten?
          </h3>
          <p className="utrecht-paragraph">
            {round.delivery.outstanding > 0
              ? `${formatProjectCount(round.delivery.outstanding)} ${round.delivery.outstanding === 1 ? 'is' : 'zijn'} nog niet geleverd. `
              : 'Alle projecten zijn geleverd. '}
            Een gesloten kwartaal kan niet meer open.
          </p>
          {error && (
            <Alert type="error" title="Sluiten is niet gelukt" urgent>
              <p className="utrecht-paragraph">{error}</p>
            </Alert>
          )}
          <div className="utrecht-button-group wbm-button-row">
            <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={close} disabled={busy}>
              {busy ? 'Bezig met sluiten…' : `Ja, sluit ${quarterLabel(round.quarter)}`}
            </button>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setAsking(false)} disabled={busy}>
              Annuleren
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
