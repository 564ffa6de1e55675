/** Landelijk overzicht: affordable and social shares against their goals. */
import type { NationalOverview } from '../../api/types.ts';
import { TH, TH_NUM, TD, TD_NUM, num, pct, hasForecast, meetsText, MeetsBadge } from './nationalFormat.tsx';

function SharesFigures({ overview }: { overview: NationalOverview }) {
  const a = overview.affordability;
  const years = overview.production.years.filter((y) => hasForecast(y) && y.expected > 0);
  return (
    <>
      <p className="utrecht-paragraph">
        Doel: twee derde van de nieuwe woningen betaalbaar (sociale huur, middenhuur en betaalbare koop) en 30% sociale huur. In {a.year} is naar
        verwachting {pct(a.affordableShare)} betaalbaar ({meetsText(a.meetsAffordable).toLowerCase()}) en {pct(a.socialShare)} sociale huur (
        {meetsText(a.meetsSocial).toLowerCase()}).
      </p>
      <div className="utrecht-table-container wbm-table-scroll">
        <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="shares-table">
          <caption className="utrecht-table__caption">Aandeel betaalbaar en sociale huur in de verwachte oplevering per jaar</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className={TH}>
                Jaar
              </th>
              <th scope="col" className={TH_NUM}>
                Verwacht
              </th>
              <th scope="col" className={TH_NUM}>
                Betaalbaar
              </th>
              <th scope="col" className={TH}>
                Doel twee derde
              </th>
              <th scope="col" className={TH_NUM}>
                Sociale huur
              </th>
              <th scope="col" className={TH}>
                Doel 30%
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {years.map((y) => (
              <tr key={y.year} className="utrecht-table__row">
                <th scope="row" className={TH}>
                  {y.year}
                </th>
                <td className={TD_NUM}>{num(y.expected)}</td>
                <td className={TD_NUM}>
                  {pct(y.affordableShare)}
                  {y.affordableShare !== null && <ShareBar share={y.affordableShare} goal={a.targetAffordableShare} />}
                </td>
                <td className={TD}>
                  {y.affordableShare === null ? '–' : appliesIn(a.affordableYears, y.year) ? <MeetsBadge meets={y.affordableShare >= a.targetAffordableShare} /> : NO_GOAL_THIS_YEAR}
                </td>
                <td className={TD_NUM}>
                  {pct(y.socialShare)}
                  {y.socialShare !== null && <ShareBar share={y.socialShare} goal={a.targetSocialShare} />}
                </td>
                <td className={TD}>
                  {y.socialShare === null ? '–' : appliesIn(a.socialYears, y.year) ? <MeetsBadge meets={y.socialShare >= a.targetSocialShare} /> : NO_GOAL_THIS_YEAR}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
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
    <section className="wbm-section" aria-labelledby="nl-betaalbaar">
      <h2 className="nl-heading nl-heading--level-2" id="nl-betaalbaar">
        Betaalbaar en sociaal
      </h2>
      <SharesFigures overview={data} />
    </section>
  );
}
