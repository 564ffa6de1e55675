/** Landelijk overzicht: how the expected production and its band are calculated. */
import type { NationalOverview } from '../../api/types.ts';
import { formatNumber, formatPercent, label } from '../../labels.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';

function Method({ overview }: { overview: NationalOverview }) {
  const s = overview.simulation;
  return (
    <>
      <Paragraph>
        Verwacht: de middelste uitkomst (mediaan) van de simulaties hieronder. Gepland: de woningen in de jaarschijven van de projecten. Elke
        simulatie telt de woningen in de jaarschijven van de projecten, maal de kans dat een plan met die planstatus doorgaat (
        {Object.entries(overview.assumptions.byPlanStatus)
          .map(([status, share]) => `${label(status).toLowerCase()} ${formatPercent(share)}`)
          .join(', ')}
        ; bron: {overview.assumptions.source}).
      </Paragraph>
      <Paragraph>
        Bandbreedte: {formatNumber(s.runs)} simulaties met de vertragingen die echt zijn waargenomen bij {formatNumber(s.delays.samples)} projecten
        (gemiddeld {formatNumber(Math.round(s.delays.meanMonths))} maanden). {s.method}
      </Paragraph>
    </>
  );
}

export function MethodSection({ overview }: { overview: NationalOverview }) {
  return (
    <Section id="nl-methode" title="Hoe is dit berekend?">
      <Method overview={overview} />
    </Section>
  );
}
