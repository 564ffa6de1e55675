/** Small pieces that show how a project or party delivered in the quarter. */
import type { PartyDelivery, ProjectDelivery } from '../../api/types.ts';
import { StatusIcon } from '../../components/StatusIcon.tsx';
import { formatDateShort, milestoneLabel } from '../../labels.ts';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';

/** A party's name; a party of one's own project that is not one's own organisation is named by its side. */
export function partyName(x: PartyDelivery, names: Map<string, string>): string {
  return names.get(x.organisationId) ?? (x.side === 'publiek' ? 'Gemeente' : 'Marktpartij');
}

/** How one party delivered its side, in words. */
export function partyText(x: PartyDelivery, name: string): string {
  if (x.via === 'gewijzigd') return `bijgewerkt op ${formatDateShort(x.at?.slice(0, 10))}`;
  if (x.via === 'bevestigd' && x.onBehalf) {
    return `bevestigd op ${formatDateShort(x.at?.slice(0, 10))}, namens ${name} vastgelegd door de secretaris (${x.onBehalf.by}): ${x.onBehalf.reason}`;
  }
  if (x.via === 'bevestigd') return `bevestigd als ongewijzigd op ${formatDateShort(x.at?.slice(0, 10))}`;
  return 'nog niet geleverd';
}

/** "Prognose verstreken": a forecast has passed without an actual date (src/domain/forecast-expired.ts). */
export function ExpiredTag({ project }: { project: ProjectDelivery }) {
  const which = project.expiredForecasts.map((m) => `${m.code} ${milestoneLabel(m.code)} (${formatDateShort(m.forecastDate)})`).join(', ');
  return (
    <span className="wbm-tags">
      {' '}
      <span className="wbm-tag wbm-tag--alert" data-testid="forecast-expired" title={`Prognose verstreken: ${which}`}>
        Prognose verstreken<VisuallyHidden>: {which}</VisuallyHidden>
      </span>
    </span>
  );
}

/** Delivered yes/no in words with an icon (never colour alone). */
export function Delivered({ done, text }: { done: boolean; text: string }) {
  return (
    <span className={`wbm-status wbm-status--${done ? 'groen' : 'oranje'}`}>
      <StatusIcon status={done ? 'groen' : 'oranje'} />
      <span>{text}</span>
    </span>
  );
}
