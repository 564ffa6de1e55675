/** Delivery status of the current quarter of a table (who has updated or confirmed), as a summary. */
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { RoundDetail } from '../../api/types.ts';
import { formatDate, formatNumber, formatPercent } from '../../labels.ts';
import { regionPath } from '../dashboard/drilldown.ts';
import { quarterLabel } from './quarters.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { UnorderedList } from '../../components/UnorderedList.tsx';

/** The current round of a table, once it is known for the region and moment asked. */
export type CurrentRound =
  | { status: 'waiting'; round?: undefined; error?: undefined; reload: () => void }
  | { status: 'ready'; round: RoundDetail | null; error?: undefined; reload: () => void }
  | { status: 'error'; round?: undefined; error: Error; reload: () => void };

/**
 * The open round of a region, or else its latest closed one, with its delivery status (null when the
 * table never had one). Loads only when `enabled` (the dashboard waits until its own figures are
 * shown); until the answer for exactly this region is in, the status is 'waiting'.
 */
export function useCurrentRound(regionId: string, enabled: boolean): CurrentRound {
  const result = useApi(
    queryKeys.round.current(regionId),
    async (signal) => {
      const rounds = await api.listRounds(regionId, signal, { quiet401: true });
      const summary = rounds.items.find((r) => r.status === 'open') ?? rounds.items[0];
      return { regionId, round: summary ? await api.getRound(summary.id, signal, { quiet401: true }) : null };
    },
    { enabled },
  );
  if (result.state === 'error') return { status: 'error', error: result.error, reload: result.reload };
  if (enabled && result.state === 'ready' && result.data.regionId === regionId && !result.isRefreshing) {
    return { status: 'ready', round: result.data.round, reload: result.reload };
  }
  return { status: 'waiting', reload: result.reload };
}

export function DeliverySummary({ round, regionId, showLink = true }: { round: RoundDetail | null; regionId: string; showLink?: boolean }) {
  if (!round) {
    return (
      <Paragraph>
        Er is nog geen kwartaalronde geopend voor deze tafel.{' '}
        {showLink && <TextLink to={regionPath(regionId, 'kwartaalronde')}>Naar de kwartaalronde</TextLink>}
      </Paragraph>
    );
  }
  const d = round.delivery;
  const share = d.total > 0 ? d.delivered / d.total : 0;
  const behind = round.organisations.filter((o) => o.outstanding > 0).length;
  const onBehalf = round.organisations.reduce((n, o) => n + o.onBehalf, 0);
  const expired = round.projects.filter((p) => p.expiredForecasts.length > 0).length;
  // A gemeente or market party sees only its own projects and organisation: the counts above are the whole
  // table's, the organisations and expired forecasts only theirs. Say so instead of mixing the two.
  const partial = round.projects.length < d.total;
  const ownDelivered = round.projects.filter((p) => p.delivered).length;
  // Progress per party: a project counts as delivered only when every party did its part.
  const partyTotal = round.organisations.reduce((n, o) => n + o.total, 0);
  const partyDelivered = round.organisations.reduce((n, o) => n + o.delivered, 0);
  return (
    <div className="wbm-delivery" data-testid="delivery-summary">
      <Paragraph>
        <strong>{quarterLabel(round.quarter)}</strong>{' '}
        {round.status === 'open' ? `is open; deadline ${formatDate(round.deadline)}.` : `is gesloten op ${formatDate(round.closedAt?.slice(0, 10))}.`}
      </Paragraph>
      <Paragraph className="wbm-delivery__figure">
        <span className="wbm-figure-card__value">{formatNumber(d.delivered)}</span> van de {formatNumber(d.total)} projecten geleverd (
        {formatPercent(share)}; een project is geleverd als elke partij haar deel heeft bijgewerkt of bevestigd)
        <span className="wbm-progress" aria-hidden="true">
          <span className="wbm-progress__bar" style={{ inlineSize: `${share * 100}%` }} />
        </span>
      </Paragraph>
      <UnorderedList>
        <li>
          waarvan {formatNumber(d.changed)} bijgewerkt en {formatNumber(d.confirmed)} bevestigd als ongewijzigd
        </li>
        {!partial && partyTotal > 0 && (
          <li data-testid="delivery-parties">
            {formatNumber(partyDelivered)} van de {formatNumber(partyTotal)} delen geleverd door de partijen (elke partij levert voor haar eigen deel
            van een project)
          </li>
        )}
        {onBehalf > 0 && (
          <li data-testid="delivery-on-behalf">
            {formatNumber(onBehalf)} {onBehalf === 1 ? 'levering' : 'leveringen'} namens een partij vastgelegd door de secretaris
          </li>
        )}
        <li>
          {formatNumber(d.outstanding)} nog niet geleverd
          {!partial && behind > 0 && `, bij ${formatNumber(behind)} ${behind === 1 ? 'organisatie' : 'organisaties'}`}
        </li>
        {!partial && expired > 0 && <li>{formatNumber(expired)} met een verstreken prognose (Prognose verstreken)</li>}
        {d.withoutParty > 0 && <li>{formatNumber(d.withoutParty)} zonder partij (niemand krijgt daarvoor een herinnering)</li>}
      </UnorderedList>
      {partial && (
        <Paragraph data-testid="delivery-own">
          Deze aantallen gaan over alle {formatNumber(d.total)} projecten van de tafel. Van uw eigen {formatNumber(round.projects.length)}{' '}
          {round.projects.length === 1 ? 'project' : 'projecten'} {ownDelivered === 1 ? 'is' : 'zijn'} er {formatNumber(ownDelivered)} geleverd door
          alle partijen{expired > 0 && `; ${formatNumber(expired)} ${expired === 1 ? 'heeft' : 'hebben'} een verstreken prognose`}.
        </Paragraph>
      )}
      {showLink && (
        <Paragraph>
          <TextLink to={regionPath(regionId, 'kwartaalronde')}>Naar de kwartaalronde: wie heeft geleverd en wie nog niet</TextLink>
        </Paragraph>
      )}
    </div>
  );
}
