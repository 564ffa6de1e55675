/**
 * Totals for the public: projects and homes per province (or per gemeente of one province) and the number
 * of projects per phase, from GET /api/v1/public/aggregates. Figures of fewer than 3 projects are hidden by
 * the server; the rule is said on the page (SPEC §1 public users, §7).
 */
import { useEffect, useId } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/hooks.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { PublicAggregates, PublicFigure } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { formatNumber, label } from '../../labels.ts';
import { PHASES } from '../../../../src/domain/codes.ts';

const TH = 'utrecht-table__header-cell';
const TH_NUM = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
const TD_NUM = 'utrecht-table__cell utrecht-table__cell--numeric-data';

/** A hidden figure shows as a dash, with the reason for screen readers. */
export function Hidden() {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="rhc-visually-hidden">niet getoond</span>
    </>
  );
}

const count = (v: number | null) => (v === null ? <Hidden /> : formatNumber(v));

/** The rule in plain words, as the server states it, and what a dash means. */
export function DisclosureRule({ rule }: { rule: string }) {
  return (
    <p className="utrecht-paragraph wbm-muted" data-testid="disclosure-rule">
      {rule} Een streepje (–) staat voor een aantal dat we daarom niet tonen.
    </p>
  );
}

export function usePublicAggregates(provincie: string | null) {
  return useApi(queryKeys.public.aggregates(provincie ? 'gemeente' : 'provincie', provincie), (signal) => api.publicAggregates(provincie ? 'gemeente' : 'provincie', provincie, signal));
}

export function PublicTotals({ provincie, onReady }: { provincie: string | null; onReady?: (data: PublicAggregates) => void }) {
  const id = useId();
  const data = usePublicAggregates(provincie);
  useEffect(() => {
    if (data.state === 'ready') onReady?.(data.data);
  }, [data.state, data.data, onReady]);
  if (data.state === 'error') return <ErrorMessage error={data.error} retry={data.reload} />;
  if (data.state === 'loading') return <Loading>De totalen worden geteld…</Loading>;
  const { items, total, rule } = data.data;
  const shown = provincie ? items.filter((i) => i.projects !== 0) : items;
  const totalRow = (f: PublicFigure) => (
    <>
      <td className={TD_NUM}>{count(f.projects)}</td>
      <td className={TD_NUM}>{count(f.homes)}</td>
    </>
  );
  return (
    <section aria-labelledby={`${id}-totalen`} className="wbm-section" data-testid="public-totals">
      <h2 className="nl-heading nl-heading--level-2" id={`${id}-totalen`}>
        {provincie ? 'Projecten per gemeente' : 'Projecten per provincie'}
      </h2>
      <DisclosureRule rule={rule} />
      {provincie && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/projecten">
            <span aria-hidden="true">← </span>Alle provincies
          </Link>
        </p>
      )}
      <div className="utrecht-table-container wbm-table-scroll">
        <table className="utrecht-table utrecht-table--html-table wbm-table">
          <caption className="utrecht-table__caption">
            {provincie ? 'Aantal projecten en woningen per gemeente, en projecten per fase' : 'Aantal projecten en woningen per provincie, en projecten per fase'}
            {provincie && ' (gemeenten zonder projecten staan er niet in)'}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className={TH}>
                {provincie ? 'Gemeente' : 'Provincie'}
              </th>
              <th scope="col" className={TH_NUM}>
                Projecten
              </th>
              <th scope="col" className={TH_NUM}>
                Woningen
              </th>
              {PHASES.map((p) => (
                <th key={p} scope="col" className={TH_NUM}>
                  {label(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.map((a) => (
              <tr key={a.code} className="utrecht-table__row" data-code={a.code}>
                <th scope="row" className={`${TH} wbm-row-header`}>
                  {provincie ? (
                    a.name
                  ) : (
                    <Link className="utrecht-link" to={`/projecten?provincie=${a.code}`}>
                      {a.name}
                    </Link>
                  )}
                </th>
                {totalRow(a)}
                {a.byPhase.map((p) => (
                  <td key={p.phase} className={TD_NUM}>
                    {count(p.projects)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {!provincie && (
            <tfoot>
              <tr className="utrecht-table__row">
                <th scope="row" className={TH}>
                  Nederland
                </th>
                {totalRow(total)}
                <td className="utrecht-table__cell" colSpan={PHASES.length} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
