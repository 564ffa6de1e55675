/** Landelijk overzicht: which figures are real (CBS) and which come from (demo) projects. */
import type { NationalOverview } from '../../api/types.ts';
import { DisclosureRule } from '../public/PublicTotals.tsx';
import { formatNumber } from '../../labels.ts';
import { Paragraph } from '../../components/Paragraph.tsx';

/** Which figures are real (CBS) and which come from (demo) projects. */
export function DataNotes({ overview, synthetic }: { overview: NationalOverview; synthetic: number | null }) {
  const cbsYears = overview.production.years.filter((y) => y.realisedCbs !== null).map((y) => y.year);
  return (
    <div className="wbm-data-notes" data-testid="data-notes">
      <Paragraph>
        <strong>Echte cijfers:</strong> de gerealiseerde nieuwbouw {cbsYears.length > 0 ? `${Math.min(...cbsYears)}–${Math.max(...cbsYears)}` : ''}{' '}
        komt van het CBS (tabel 81955NED, bruto nieuwbouw).
      </Paragraph>
      {synthetic !== null && synthetic > 0 ? (
        <Paragraph className="wbm-demo-note">
          <span className="wbm-demo-badge">Demo</span> <strong>Verzonnen cijfers:</strong> de verwachte oplevering, de aandelen, de voortgang van de
          bijzondere doelen en het PPM-gebruik zijn berekend uit de projecten in de monitor. Daarvan zijn er {formatNumber(synthetic)} verzonnen
          demoprojecten, en de regio’s met “(voorbeeld)” bestaan niet echt. Deze cijfers zeggen dus niets over de echte woningbouw.
        </Paragraph>
      ) : (
        <Paragraph>
          <strong>Monitor:</strong> de verwachte oplevering, de aandelen en het PPM-gebruik zijn berekend uit de projecten in de monitor.
        </Paragraph>
      )}
      {overview.disclosure && <DisclosureRule rule={overview.disclosure.rule} />}
      {overview.notes.length > 0 && (
        <ul className="wbm-notes">
          {overview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
