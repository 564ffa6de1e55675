/** Tafeloverzicht and Tafelrapport: expected completions per year against the target, and where the target comes from. */
import type { Dashboard, DashboardTarget } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatCount, formatNumber, formatPercent } from '../../labels.ts';
import { figureLinks } from './drilldown.ts';

/** Where the target comes from: set by a region or estimated, with the explanation. */
export function TargetBasis({ targets }: { targets: DashboardTarget[] }) {
  const explanations = [...new Map(targets.map((t) => [`${t.basis}|${t.explanation}`, t])).values()];
  if (explanations.length === 0) return null;
  return (
    <div className="wbm-target-basis" data-testid="target-basis">
      {explanations.map((t) => (
        <Paragraph key={`${t.basis}|${t.explanation}`}>
          <span className={`wbm-tag wbm-tag--${t.basis === 'vastgesteld' ? 'ok' : t.basis === 'geschat' ? 'open' : 'alert'}`}>
            Opgave {t.basis === 'onbekend' ? 'onbekend' : t.basis}
          </span>{' '}
          {explanationYears(targets, t)}: {t.explanation}
        </Paragraph>
      ))}
    </div>
  );
}

function explanationYears(targets: DashboardTarget[], t: DashboardTarget): string {
  const years = targets.filter((x) => x.basis === t.basis && x.explanation === t.explanation).map((x) => x.year);
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

/** Expected completions per year against the target; the year links to the projects with completions that year. */
export function CompletionsTable({ dashboard }: { dashboard: Dashboard }) {
  const { region, summary, targets } = dashboard;
  const basis = new Map(targets.map((t) => [t.year, t.basis]));
  return (
    <Table
      caption="Geplande oplevering per jaar (jaarschijven) tegenover de opgave"
      testId="completions-table"
      rows={summary.perYear}
      rowKey={(y) => y.year}
      columns={[
        {
          key: 'year',
          header: 'Jaar',
          cell: (y) => (
            <TextLink to={figureLinks.year(region.id, y.year)}>
              {y.year}
              <VisuallyHidden>: projecten met oplevering in {y.year}</VisuallyHidden>
            </TextLink>
          ),
        },
        { key: 'expected', header: 'Gepland (jaarschijven)', numeric: true, cell: (y) => formatNumber(y.expected) },
        { key: 'hard', header: 'Waarvan hard plan', numeric: true, cell: (y) => formatNumber(y.expectedHard) },
        { key: 'affordable', header: 'Betaalbaar', numeric: true, cell: (y) => <HomesWithShare homes={y.affordable} of={y.expected} /> },
        { key: 'social', header: 'Sociale huur', numeric: true, cell: (y) => <HomesWithShare homes={y.social} of={y.expected} /> },
        {
          key: 'target',
          header: 'Opgave',
          numeric: true,
          cell: (y) => (
            <>
              {y.target === null ? 'onbekend' : formatNumber(Math.round(y.target))}
              {basis.get(y.year) === 'geschat' && <span className="wbm-muted"> (geschat)</span>}
            </>
          ),
        },
        { key: 'gap', header: 'Verschil', numeric: true, cell: (y) => (y.gap === null ? '–' : <Gap gap={y.gap} />) },
      ]}
    />
  );
}

/** "1.200 (40%)": homes and their share of the year's total. */
function HomesWithShare({ homes, of }: { homes: number; of: number }) {
  return (
    <>
      {formatNumber(homes)}
      {of > 0 && <span className="wbm-muted"> ({formatPercent(homes / of)})</span>}
    </>
  );
}

/** A shortfall in words as well as sign: "2.300 te weinig". */
function Gap({ gap }: { gap: number }) {
  if (gap === 0) return <>op de opgave</>;
  return gap < 0 ? (
    <span className="wbm-gap wbm-gap--short">{formatNumber(-gap)} te weinig</span>
  ) : (
    <span className="wbm-gap">{formatNumber(gap)} meer</span>
  );
}

/** Short text alternative of the completions chart. */
export function completionsDescription(dashboard: Dashboard): string {
  const years = dashboard.summary.perYear;
  const first = years[0];
  const last = years[years.length - 1];
  if (!first || !last) return 'Er zijn geen jaarschijven.';
  const total = years.reduce((s, y) => s + y.expected, 0);
  const short = years.filter((y) => y.gap !== null && y.gap < 0).map((y) => y.year);
  return (
    `Staafdiagram van de geplande oplevering in ${first.year} tot en met ${last.year}: ${formatCount(total, 'woning', 'woningen')}, ` +
    `${short.length ? `onder de opgave in ${short.join(', ')}` : 'steeds op of boven de opgave'}. De cijfers staan in de tabel.`
  );
}
