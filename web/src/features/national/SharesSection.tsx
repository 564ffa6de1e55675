/** Landelijk overzicht: affordable and social shares against their goals. */
import type { NationalOverview } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table, type Column } from '../../components/Table.tsx';
import { formatGoalShare } from '../../labels.ts';
import { num, pct, hasForecast, meetsText, MeetsBadge } from './nationalFormat.tsx';
import { Section } from '../../components/Section.tsx';

function SharesFigures({ overview }: { overview: NationalOverview }) {
  const a = overview.affordability;
  const years = overview.production.years.filter((y) => hasForecast(y) && y.expected > 0);
  return (
    <>
      <Paragraph>
        Doel: {formatGoalShare(a.targetAffordableShare)} van de nieuwe woningen betaalbaar (sociale huur, middenhuur en betaalbare koop) en{' '}
        {formatGoalShare(a.targetSocialShare)} sociale huur. In {a.year} is naar verwachting {pct(a.affordableShare)} betaalbaar (
        {meetsText(a.meetsAffordable).toLowerCase()}) en {pct(a.socialShare)} sociale huur ({meetsText(a.meetsSocial).toLowerCase()}).
      </Paragraph>
      <Table
        caption="Aandeel betaalbaar en sociale huur in de verwachte oplevering per jaar"
        scrollLabel="Tabel aandeel betaalbaar en sociale huur"
        testId="shares-table"
        rows={years}
        rowKey={(y) => y.year}
        plainRowHeaders
        columns={[
          { key: 'year', header: 'Jaar', cell: (y) => y.year },
          { key: 'expected', header: 'Verwacht', numeric: true, cell: (y) => num(y.expected) },
          ...goalColumns('affordable', 'Betaalbaar', (y) => y.affordableShare, a.targetAffordableShare, a.affordableYears),
          ...goalColumns('social', 'Sociale huur', (y) => y.socialShare, a.targetSocialShare, a.socialYears),
        ]}
      />
    </>
  );
}

type Year = NationalOverview['production']['years'][number];

/** The column of one share with its bar, and the column that says whether its goal is met in that year. */
function goalColumns(
  key: string,
  header: string,
  share: (y: Year) => number | null,
  goal: number,
  goalYears: { from: number; to: number } | null,
): Column<Year>[] {
  return [
    {
      key,
      header,
      numeric: true,
      cell: (y) => {
        const value = share(y);
        return (
          <>
            {pct(value)}
            {value !== null && <ShareBar share={value} goal={goal} />}
          </>
        );
      },
    },
    {
      key: `${key}Goal`,
      header: `Doel ${formatGoalShare(goal)}`,
      cell: (y) => {
        const value = share(y);
        return value === null ? '–' : appliesIn(goalYears, y.year) ? <MeetsBadge meets={value >= goal} /> : NO_GOAL_THIS_YEAR;
      },
    },
  ];
}

/** A target applies only to its own years (null: no period known, every year). */
const appliesIn = (years: { from: number; to: number } | null, year: number) => !years || (year >= years.from && year <= years.to);

const NO_GOAL_THIS_YEAR = <span className="wbm-muted">geen doel voor dit jaar</span>;

/** A small bar with a mark at the goal (decoration: the figure is the text next to it). */
function ShareBar({ share, goal }: { share: number; goal: number }) {
  return (
    <span className="wbm-share-bar" aria-hidden="true">
      <span className="wbm-share-bar__fill" style={{ inlineSize: `${Math.min(1, Math.max(0, share)) * 100}%` }} />
      <span className="wbm-share-bar__goal" style={{ insetInlineStart: `${goal * 100}%` }} />
    </span>
  );
}

export function SharesSection({ overview: data }: { overview: NationalOverview }) {
  return (
    <Section id="nl-betaalbaar" title="Betaalbaar en sociaal">
      <SharesFigures overview={data} />
    </Section>
  );
}
