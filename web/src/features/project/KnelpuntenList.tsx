/** Knelpunten (obstacles) of a project: open ones first, escalations marked in words. */
import type { Knelpunt } from '../../api/types.ts';
import { formatDate, label } from '../../labels.ts';
import { Paragraph } from '../../components/Paragraph.tsx';

export function KnelpuntenList({ knelpunten }: { knelpunten: Knelpunt[] }) {
  if (knelpunten.length === 0) return <Paragraph>Er zijn geen knelpunten gemeld.</Paragraph>;
  const sorted = [...knelpunten].sort(
    (a, b) => Number(Boolean(a.resolvedDate)) - Number(Boolean(b.resolvedDate)) || b.raisedDate.localeCompare(a.raisedDate),
  );
  return (
    <ul className="wbm-card-list">
      {sorted.map((k) => (
        <li key={k.id} className={`wbm-card${k.resolvedDate ? ' wbm-card--resolved' : ''}`}>
          <h3 className="nl-heading nl-heading--level-4 wbm-card__title">{label(k.category)}</h3>
          <p className="wbm-tags">
            {k.resolvedDate ? (
              <span className="wbm-tag wbm-tag--ok">Opgelost op {formatDate(k.resolvedDate)}</span>
            ) : (
              <span className="wbm-tag wbm-tag--open">Open</span>
            )}
            {k.escalated && !k.resolvedDate && <span className="wbm-tag wbm-tag--alert">Geëscaleerd naar de versnellingstafel</span>}
          </p>
          <Paragraph>{k.description}</Paragraph>
          <dl className="wbm-inline-dl">
            <div>
              <dt>Gemeld op</dt>
              <dd>{formatDate(k.raisedDate)}</dd>
            </div>
            {k.owner && (
              <div>
                <dt>Eigenaar</dt>
                <dd>{k.owner}</dd>
              </div>
            )}
            {k.resolution && (
              <div>
                <dt>Oplossing</dt>
                <dd>{k.resolution}</dd>
              </div>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}
