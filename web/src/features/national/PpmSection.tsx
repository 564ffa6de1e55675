/** Landelijk overzicht: use of the Publiek Private Monitor per region and province. */
import type { NationalOverview, PpmArea } from '../../api/types.ts';
import { formatDateShort, formatNumber } from '../../labels.ts';
import { TH, TH_NUM, TD, TD_NUM, KIND_LABELS, withKind, num, pct, MeetsBadge, quarterLabel } from './nationalFormat.tsx';

function PpmTable({ areas, caption, testId }: { areas: PpmArea[]; caption: string; testId: string }) {
  if (areas.length === 0) return <p className="utrecht-paragraph">Er zijn nog geen regio’s.</p>;
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid={testId}>
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className={TH}>
              Regio
            </th>
            <th scope="col" className={TH_NUM}>
              Gemeenten
            </th>
            <th scope="col" className={TH_NUM}>
              Projecten
            </th>
            <th scope="col" className={TH}>
              PPM in gebruik
            </th>
            <th scope="col" className={TH_NUM}>
              Bijgewerkt dit kwartaal
            </th>
            <th scope="col" className={TH_NUM}>
              Achterstallige projecten
            </th>
            <th scope="col" className={TH_NUM}>
              Partijen met achterstand
            </th>
            <th scope="col" className={TH}>
              Laatst bijgewerkt
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {areas.map((r) => (
            <tr key={r.id} className="utrecht-table__row">
              <th scope="row" className={TH}>
                {r.name}
                {r.kind !== 'provincie' && withKind(r.name, r.kind) !== r.name && <span className="wbm-muted"> – {(KIND_LABELS[r.kind] ?? r.kind).toLowerCase()}</span>}
              </th>
              <td className={TD_NUM}>{formatNumber(r.gemeenten)}</td>
              <td className={TD_NUM}>{num(r.projects)}</td>
              <td className={TD}>
                <MeetsBadge meets={r.ppmInUse} yes="Ja" no="Nee" />
              </td>
              <td className={TD_NUM}>
                {r.roundOpened === false ? (
                  <span className="wbm-muted">nog geen kwartaalronde</span>
                ) : (
                  <>
                    {num(r.updatedThisQuarter)} ({pct(r.updatedShare)})
                  </>
                )}
              </td>
              <td className={TD_NUM}>
                {r.overdue === null ? num(null) : r.overdue > 0 ? <span className="wbm-gap--short">{formatNumber(r.overdue)}</span> : '0'} ({pct(r.overdueShare)})
              </td>
              <td className={TD_NUM}>{num(r.overdueParties)}</td>
              <td className={TD}>{formatDateShort(r.lastUpdate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PpmSection({ ppm }: { ppm: NationalOverview['ppm'] }) {
  return (
    <section className="wbm-section" aria-labelledby="nl-ppm">
      <h2 className="nl-heading nl-heading--level-2" id="nl-ppm">
        Gebruik van de Publiek Private Monitor per regio ({quarterLabel(ppm.quarter)})
      </h2>
      <p className="utrecht-paragraph">
        Voor de landelijke versnellingstafel: werkt elke regio met de monitor, en leveren alle partijen elk kwartaal hun gegevens?
      </p>
      <p className="utrecht-paragraph wbm-muted">{ppm.rule}</p>
      <PpmTable areas={ppm.regions} caption={`PPM-gebruik per versnellingstafel en woondealregio, ${quarterLabel(ppm.quarter)}`} testId="ppm-regions" />
      <details className="wbm-details">
        <summary>PPM-gebruik per provincie</summary>
        <PpmTable areas={ppm.provinces} caption={`PPM-gebruik per provincie, ${quarterLabel(ppm.quarter)}`} testId="ppm-provinces" />
      </details>
    </section>
  );
}
