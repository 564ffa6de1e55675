/** Kwartaalronde: delivery per organisation, with bulk confirmation and undo. */
import { useRef, useState, type ReactNode } from 'react';
import type { OrganisationDelivery } from '../../api/types.ts';
import { formatNumber, formatProjectCount, label } from '../../labels.ts';
import { latestBatches, type ConfirmationBatch } from './quarters.ts';
import type { LastConfirmation, ActionMessage } from './roundTypes.ts';
import { ActionStatus } from './ActionStatus.tsx';
import { Delivered } from './delivery.tsx';

export function OrganisationsTable({
  organisations,
  own,
  canRun,
  busy,
  message,
  last,
  batches,
  confirmable,
  onAsk,
  onUndo,
  children,
}: {
  organisations: OrganisationDelivery[];
  /** The organisation the signed-in person delivers for (null: none). */
  own: string | null;
  /** The secretary: may record a delivery on behalf of a party. */
  canRun: boolean;
  busy: string | null;
  message: ActionMessage | null;
  last: LastConfirmation | null;
  /** Per organisation its latest confirmation of several projects at once (see latestBatches). */
  batches: Map<string, ConfirmationBatch>;
  /** Per organisation: outstanding projects it can confirm now, and those waiting for a new forecast. */
  confirmable: Map<string, { ready: number; blocked: number }>;
  onAsk: (o: OrganisationDelivery, onBehalf: boolean) => void;
  onUndo: (last: LastConfirmation) => void;
  children?: ReactNode;
}) {
  const [showAll, setShowAll] = useState(false);
  // Keep the order of the first load (most outstanding first): a row must not jump away after its
  // organisation confirmed its projects.
  const order = useRef<Map<string, number>>(new Map());
  for (const o of organisations) if (!order.current.has(o.organisationId)) order.current.set(o.organisationId, order.current.size);
  const sorted = [...organisations].sort((a, b) => order.current.get(a.organisationId)! - order.current.get(b.organisationId)!);
  const shown = showAll ? sorted : sorted.slice(0, 15);
  return (
    <section className="wbm-section" aria-labelledby="ronde-organisaties">
      <h2 className="nl-heading nl-heading--level-2" id="ronde-organisaties">
        Per organisatie
      </h2>
      <p className="utrecht-paragraph">
        Elke partij levert voor haar eigen deel van het project: de gemeente voor de publieke mijlpalen, de marktpartij voor de private. Niets
        veranderd? Bevestig dan in één keer alle projecten van uw organisatie die u nog niet hebt bijgewerkt of bevestigd.
      </p>
      <ActionStatus message={message} />
      {last && message?.type === 'ok' && (
        <p className="utrecht-paragraph">
          <button type="button" className="utrecht-button utrecht-button--secondary-action wbm-small-button" disabled={busy !== null} onClick={() => onUndo(last)}>
            Ongedaan maken
            <span className="rhc-visually-hidden">: bevestiging van {formatProjectCount(last.count)} van {last.organisationName}</span>
          </button>
        </p>
      )}
      {children}
      <div className="utrecht-table-container wbm-table-scroll">
        <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="organisation-delivery">
          <caption className="utrecht-table__caption">
            Geleverd per organisatie, bij het openen van de pagina meeste openstaande projecten eerst ({formatNumber(shown.length)} van {formatNumber(organisations.length)})
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">Organisatie</th>
              <th scope="col" className="utrecht-table__header-cell">Soort</th>
              <th scope="col" className="utrecht-table__header-cell">Geleverd</th>
              <th scope="col" className="utrecht-table__header-cell">
                <span className="rhc-visually-hidden">Actie</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.map((o) => (
              <tr key={o.organisationId} className="utrecht-table__row" data-organisation={o.name}>
                <th scope="row" className="utrecht-table__header-cell wbm-row-header">{o.name}</th>
                <td className="utrecht-table__cell">{o.type ? label(o.type) : '–'}</td>
                <td className="utrecht-table__cell">
                  <Delivered done={o.outstanding === 0} text={`${formatNumber(o.delivered)} van ${formatNumber(o.total)}`} />
                  {o.onBehalf > 0 && (
                    <span className="wbm-muted">
                      {' '}
                      (waarvan {formatNumber(o.onBehalf)} namens {o.name} vastgelegd door de secretaris)
                    </span>
                  )}
                </td>
                <td className="utrecht-table__cell">
                  {o.outstanding > 0 && o.organisationId === own && (confirmable.get(o.organisationId)?.ready ?? o.outstanding) > 0 && (
                    <button type="button" className="utrecht-button utrecht-button--secondary-action wbm-small-button" disabled={busy !== null} onClick={() => onAsk(o, false)}>
                      Bevestig alle {formatNumber(confirmable.get(o.organisationId)?.ready ?? o.outstanding)} ongewijzigde projecten
                      <span className="rhc-visually-hidden"> van {o.name}</span>
                    </button>
                  )}
                  {o.outstanding > 0 && o.organisationId === own && (confirmable.get(o.organisationId)?.blocked ?? 0) > 0 && (
                    <p className="utrecht-paragraph wbm-muted" data-testid="confirm-blocked">
                      {formatProjectCount(confirmable.get(o.organisationId)!.blocked)} met een verstreken prognose: werk die eerst bij.
                    </p>
                  )}
                  {o.outstanding > 0 && o.organisationId !== own && canRun && (
                    <button type="button" className="utrecht-button utrecht-button--subtle wbm-small-button" disabled={busy !== null} onClick={() => onAsk(o, true)}>
                      Namens {o.name} vastleggen…
                    </button>
                  )}
                  {(() => {
                    const batch = batches.get(o.organisationId);
                    // Right after confirming, the undo button next to the message does this.
                    if (!batch || (o.organisationId !== own && !canRun) || (last?.batchId === batch.batchId && message?.type === 'ok')) return null;
                    return (
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--subtle wbm-small-button"
                        disabled={busy !== null}
                        data-testid="undo-batch"
                        onClick={() => onUndo({ batchId: batch.batchId, count: batch.count, organisationName: o.name })}
                      >
                        Maak de bevestiging van {formatProjectCount(batch.count)} in één keer ongedaan
                        <span className="rhc-visually-hidden"> ({o.name})</span>
                      </button>
                    );
                  })()}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {organisations.length > 15 && (
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setShowAll((s) => !s)} aria-expanded={showAll}>
          {showAll ? 'Toon alleen de eerste 15' : `Toon alle ${formatNumber(organisations.length)} organisaties`}
        </button>
      )}
    </section>
  );
}
