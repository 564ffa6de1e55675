/**
 * Landelijk overzicht: the national roll-up for the ministry (issue 3, point 5). A map of the provinces
 * coloured by target attainment; realised (CBS) and expected production per year against 100,000 with
 * the simulation's band; affordable and social shares against 2/3 and 30%; each special target with
 * its progress or why it cannot be measured yet; and the national versnellingstafel's view per region
 * (PPM in use, share updated this quarter, overdue projects and parties). Every chart and map has a
 * table with the same figures. `data-ready` on the article and the mark `wbm:landelijk` say when data,
 * chart and map are drawn.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { cached, useApi } from '../../api/hooks.ts';
import type { NationalAttainment, NationalOverview, NationalProductionYear, PpmArea, SpecialTarget } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { DisclosureRule } from '../public/PublicTotals.tsx';
import { ErrorMessage, Loading } from '../../components/Feedback.tsx';
import { markReady } from '../../components/readyMarks.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDateShort, formatNumber, formatPercent, label } from '../../labels.ts';
import { ATTAINMENT_CLASSES, ATTAINMENT_COLOURS, ATTAINMENT_LABELS, ATTAINMENT_SHORT, attainmentClass, formatTargetValue } from './attainment.ts';
import { PRODUCTION_COLOURS, ProductionChart } from './ProductionChart.tsx';

const ProvinceMap = lazy(() => import('./ProvinceMap.tsx'));

const TH = 'utrecht-table__header-cell';
const TH_NUM = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
const TD = 'utrecht-table__cell';
const TD_NUM = 'utrecht-table__cell utrecht-table__cell--numeric-data';

const KIND_LABELS: Record<string, string> = { versnellingstafel: 'Versnellingstafel', woondealregio: 'Woondealregio', gebied: 'Gebied', provincie: 'Provincie' };
const BASIS_LABELS: Record<string, string> = { vastgesteld: 'vastgesteld doel', geschat: 'geschat', onbekend: 'geen doel bekend' };

/** "Woondeal Groningen (woondealregio)"; a name that already says its kind ("Versnellingstafel Rotterdam") stays as it is. */
const withKind = (name: string, kind: string) => {
  const kindLabel = KIND_LABELS[kind] ?? kind;
  return name.toLowerCase().startsWith(kindLabel.toLowerCase()) ? name : `${name} (${kindLabel.toLowerCase()})`;
};

const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatNumber(Math.round(v)));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatPercent(v));
/** "1 provincie", "3 provincies". */
const provinceCount = (n: number) => `${formatNumber(n)} ${n === 1 ? 'provincie' : 'provincies'}`;
const hasForecast = (y: NationalProductionYear) => y.planned > 0 || y.expected > 0 || y.p50 !== null;

export function NationalPage() {
  usePageTitle('Landelijk overzicht');
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  // Public (SPEC §1: the public sees aggregates): the ministry and administrators get every figure, everyone else the
  // public version, in which the server hides figures of fewer than 3 projects and says so (`disclosure`).
  return <NationalOverviewView />;
}

function NationalOverviewView() {
  const overview = useApi('national-overview', (signal) => api.nationalOverview(null, signal));
  const synthetic = useSyntheticCount();
  const [chartDrawn, setChartDrawn] = useState(false);
  const [mapDrawn, setMapDrawn] = useState(false);
  const data = overview.state === 'ready' ? overview.data : null;
  const ready = Boolean(data) && chartDrawn && mapDrawn;
  useEffect(() => {
    if (ready) markReady('landelijk');
  }, [ready]);
  const onChart = useCallback(() => setChartDrawn(true), []);
  const onMap = useCallback(() => {
    setMapDrawn(true);
    markReady('landelijk-kaart');
  }, []);

  return (
    <article className="wbm-national" data-testid="national" data-ready={ready ? 'true' : 'false'}>
      <h1 className="nl-heading nl-heading--level-1">Landelijk overzicht</h1>
      {overview.state === 'error' && <ErrorMessage error={overview.error} retry={overview.reload} />}
      {overview.state === 'loading' && <Loading>Het landelijk overzicht wordt berekend…</Loading>}
      {data && (
        <>
          <p className="utrecht-paragraph nl-paragraph--lead">
            Haalt Nederland 100.000 nieuwe woningen per jaar, waarvan twee derde betaalbaar en 30% sociale huur? Dit overzicht telt de projecten
            van alle versnellingstafels op en zet ze naast de echte bouwcijfers van het CBS. Stand op {formatDateShort(data.asOf)}.
          </p>
          <DataNotes overview={data} synthetic={synthetic} />
          <KeyFigures overview={data} />

          <section className="wbm-section" aria-labelledby="nl-kaart">
            <h2 className="nl-heading nl-heading--level-2" id="nl-kaart">
              Provincies: verwachte bouw tegenover het doel in {data.year}
            </h2>
            <p className="utrecht-paragraph">
              Hoeveel procent van het bouwdoel van {data.year} elke provincie naar verwachting haalt (verwachte oplevering gedeeld door het doel).
              Provincies zonder vastgelegd doel zijn wit.
            </p>
            <div className="wbm-map-layout">
              <div className="wbm-map-frame">
                <Suspense fallback={<div className="wbm-map wbm-map--national wbm-map--loading">De kaart wordt geladen…</div>}>
                  <ProvinceMap provinces={data.provinces} onReady={onMap} />
                </Suspense>
              </div>
              <div className="wbm-map-legend">
                <ul className="wbm-legend-list" aria-label="Legenda van de kaart" data-testid="national-map-legend">
                  {ATTAINMENT_CLASSES.map((c) => (
                    <li key={c}>
                      <svg className="wbm-legend-dot" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                        <rect x="2" y="2" width="16" height="16" fill={ATTAINMENT_COLOURS[c]} stroke="#1a1a1a" strokeWidth="1" />
                      </svg>
                      <span>
                        {ATTAINMENT_LABELS[c]}: {provinceCount(data.provinces.filter((p) => attainmentClass(p.attainment) === c).length)}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            <AttainmentTable
              caption={`Verwachte oplevering per provincie in ${data.year} tegenover het doel`}
              firstColumn="Provincie"
              rows={data.provinces.map((p) => ({ ...p, key: p.code }))}
              testId="province-table"
            />
            {data.regions.length > 0 && (
              <AttainmentTable
                caption={`Verwachte oplevering per versnellingstafel en woondealregio in ${data.year} tegenover het doel`}
                firstColumn="Tafel of regio"
                rows={data.regions.map((r) => ({ ...r, key: r.id, name: withKind(r.name, r.kind) }))}
                testId="region-attainment-table"
              />
            )}
          </section>

          <section className="wbm-section" aria-labelledby="nl-productie">
            <h2 className="nl-heading nl-heading--level-2" id="nl-productie">
              Woningbouw per jaar tegenover 100.000
            </h2>
            <p className="utrecht-paragraph">
              Tot en met 2020: nieuwbouw volgens het CBS (echte cijfers). Vanaf {data.simulation.fromYear}: de verwachte oplevering volgens de
              projecten in de monitor, met een bandbreedte: in 8 van de 10 gesimuleerde uitkomsten ligt de oplevering tussen P10 en P90.
              “Verwacht” is de middelste uitkomst (mediaan) van die simulaties: plannen die niet doorgaan en vertraging tellen mee. “Gepland” is
              wat de projecten zelf in hun jaarschijven opgeven, zoals op het Tafeloverzicht.
            </p>
            <figure className="wbm-figure">
              <ProductionChart years={data.production.years} description={productionDescription(data)} onRendered={onChart} />
              <figcaption className="utrecht-paragraph wbm-muted">
                <span className="wbm-legend">
                  <span className="wbm-legend__item">
                    <span className="wbm-legend__line" style={{ background: PRODUCTION_COLOURS.cbs, height: 12 }} aria-hidden="true" /> Donkerblauwe staven:
                    gerealiseerd (CBS)
                  </span>
                  <span className="wbm-legend__item">
                    <span className="wbm-legend__line" style={{ background: PRODUCTION_COLOURS.expected }} aria-hidden="true" /> Oranje lijn met bolletjes:
                    verwacht (mediaan)
                  </span>
                  <span className="wbm-legend__item">Lichte band om de lijn: P10–P90</span>
                  <span className="wbm-legend__item">Stippellijn: doel 100.000 per jaar</span>
                </span>
                De cijfers staan ook in de tabel hieronder.
              </figcaption>
            </figure>
            <ProductionTable overview={data} />
            <p className="utrecht-paragraph wbm-muted">
              Bron: {data.production.source} Doel: {data.production.target.explanation}
            </p>
          </section>

          <section className="wbm-section" aria-labelledby="nl-betaalbaar">
            <h2 className="nl-heading nl-heading--level-2" id="nl-betaalbaar">
              Betaalbaar en sociaal
            </h2>
            <SharesSection overview={data} />
          </section>

          <section className="wbm-section" aria-labelledby="nl-doelen">
            <h2 className="nl-heading nl-heading--level-2" id="nl-doelen">
              Bijzondere doelen
            </h2>
            <p className="utrecht-paragraph">
              De afspraken naast de 100.000 woningen per jaar, elk met de bron en hoe ver we zijn. Sommige doelen kunnen nog niet worden gemeten:
              dan staat erbij waarom.
            </p>
            <SpecialTargets targets={data.specialTargets} />
          </section>

          <section className="wbm-section" aria-labelledby="nl-ppm">
            <h2 className="nl-heading nl-heading--level-2" id="nl-ppm">
              Gebruik van de Publiek Private Monitor per regio ({quarterLabel(data.ppm.quarter)})
            </h2>
            <p className="utrecht-paragraph">
              Voor de landelijke versnellingstafel: werkt elke regio met de monitor, en leveren alle partijen elk kwartaal hun gegevens?
            </p>
            <p className="utrecht-paragraph wbm-muted">{data.ppm.rule}</p>
            <PpmTable areas={data.ppm.regions} caption={`PPM-gebruik per versnellingstafel en woondealregio, ${quarterLabel(data.ppm.quarter)}`} testId="ppm-regions" />
            <details className="wbm-details">
              <summary>PPM-gebruik per provincie</summary>
              <PpmTable areas={data.ppm.provinces} caption={`PPM-gebruik per provincie, ${quarterLabel(data.ppm.quarter)}`} testId="ppm-provinces" />
            </details>
          </section>

          <section className="wbm-section" aria-labelledby="nl-methode">
            <h2 className="nl-heading nl-heading--level-2" id="nl-methode">
              Hoe is dit berekend?
            </h2>
            <Method overview={data} />
          </section>
        </>
      )}
    </article>
  );
}

/** Number of synthetic demo projects in the register (shared with the demo banner's request). */
function useSyntheticCount(): number | null {
  const { state } = useAuth();
  const who = state.status === 'ready' ? `${state.me.principal.role}:${state.me.principal.name}` : state.status;
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let active = true;
    cached(`synthetic-count:${who}`, () => api.listProjects(new URLSearchParams({ synthetic: 'true', limit: '1' }), undefined, { quiet401: true }))
      .then((list) => active && setCount(list.total))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [who]);
  return count;
}

/** Which figures are real (CBS) and which come from (demo) projects. */
function DataNotes({ overview, synthetic }: { overview: NationalOverview; synthetic: number | null }) {
  const cbsYears = overview.production.years.filter((y) => y.realisedCbs !== null).map((y) => y.year);
  return (
    <div className="wbm-data-notes" data-testid="data-notes">
      <p className="utrecht-paragraph">
        <strong>Echte cijfers:</strong> de gerealiseerde nieuwbouw {cbsYears.length > 0 ? `${Math.min(...cbsYears)}–${Math.max(...cbsYears)}` : ''} komt van het
        CBS (tabel 81955NED, bruto nieuwbouw).
      </p>
      {synthetic !== null && synthetic > 0 ? (
        <p className="utrecht-paragraph wbm-demo-note">
          <span className="wbm-demo-badge">Demo</span> <strong>Verzonnen cijfers:</strong> de verwachte oplevering, de aandelen, de voortgang van de
          bijzondere doelen en het PPM-gebruik zijn berekend uit de projecten in de monitor. Daarvan zijn er {formatNumber(synthetic)} verzonnen
          demoprojecten, en de regio’s met “(voorbeeld)” bestaan niet echt. Deze cijfers zeggen dus niets over de echte woningbouw.
        </p>
      ) : (
        <p className="utrecht-paragraph">
          <strong>Monitor:</strong> de verwachte oplevering, de aandelen en het PPM-gebruik zijn berekend uit de projecten in de monitor.
        </p>
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

function KeyFigures({ overview }: { overview: NationalOverview }) {
  const focus = overview.production.years.find((y) => y.year === overview.year);
  const target = overview.production.target.homesPerYear;
  const a = overview.affordability;
  const figures = [
    {
      label: `Verwachte oplevering ${overview.year} (mediaan)`,
      value: num(focus?.expected ?? null),
      detail: target ? `${pct(focus?.expected !== undefined ? focus.expected / target : null)} van het doel van ${formatNumber(target)}` : 'Geen doel bekend',
    },
    { label: `Betaalbaar ${a.year}`, value: pct(a.affordableShare), detail: `Doel: twee derde (${pct(a.targetAffordableShare)}). ${meetsText(a.meetsAffordable)}` },
    { label: `Sociale huur ${a.year}`, value: pct(a.socialShare), detail: `Doel: ${pct(a.targetSocialShare)}. ${meetsText(a.meetsSocial)}` },
  ];
  return (
    <ul className="wbm-figures" data-testid="national-figures">
      {figures.map((f) => (
        <li key={f.label} className="wbm-figure-card">
          <span className="wbm-figure-card__link">
            <span className="wbm-figure-card__label wbm-figure-card__label--plain">{f.label}</span>
            <span className="wbm-figure-card__value">{f.value}</span>
            <span className="wbm-figure-card__detail">{f.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function meetsText(meets: boolean | null): string {
  return meets === null ? 'Nog niet te zeggen.' : meets ? 'Haalt het doel.' : 'Haalt het doel niet.';
}

function AttainmentTable({ caption, firstColumn, rows, testId }: { caption: string; firstColumn: string; rows: (NationalAttainment & { key: string })[]; testId: string }) {
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid={testId}>
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className={TH}>
              {firstColumn}
            </th>
            <th scope="col" className={TH_NUM}>
              Gepland (jaarschijven)
            </th>
            <th scope="col" className={TH_NUM}>
              Verwacht (mediaan)
            </th>
            <th scope="col" className={TH_NUM}>
              Bandbreedte P10–P90
            </th>
            <th scope="col" className={TH_NUM}>
              Doel
            </th>
            <th scope="col" className={TH_NUM}>
              Deel van het doel
            </th>
            <th scope="col" className={TH}>
              Beoordeling
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((r) => {
            const c = attainmentClass(r.attainment);
            return (
              <tr key={r.key} className="utrecht-table__row">
                <th scope="row" className={TH}>
                  {r.name}
                </th>
                <td className={TD_NUM}>{num(r.planned)}</td>
                <td className={TD_NUM}>{num(r.expected)}</td>
                <td className={TD_NUM}>{r.p10 === null || r.p90 === null ? '–' : `${num(r.p10)} – ${num(r.p90)}`}</td>
                <td className={TD_NUM}>
                  {num(r.target)}
                  {r.targetBasis === 'geschat' && <span className="wbm-muted"> (geschat)</span>}
                </td>
                <td className={TD_NUM}>{pct(r.attainment)}</td>
                <td className={TD}>
                  <span className="wbm-attainment">
                    <svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">
                      <rect x="1" y="1" width="12" height="12" fill={ATTAINMENT_COLOURS[c]} stroke="#1a1a1a" strokeWidth="1" />
                    </svg>
                    {ATTAINMENT_SHORT[c]}
                    {c === 'geen_doel' && r.targetBasis !== 'onbekend' ? ` (${BASIS_LABELS[r.targetBasis]})` : ''}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function productionDescription(o: NationalOverview): string {
  const cbs = o.production.years.filter((y) => y.realisedCbs !== null);
  const last = cbs[cbs.length - 1];
  const focus = o.production.years.find((y) => y.year === o.year);
  return (
    `Woningbouw per jaar. ${last ? `Gerealiseerd volgens het CBS in ${last.year}: ${formatNumber(last.realisedCbs ?? 0)} woningen. ` : ''}` +
    `${focus ? `Verwacht in ${focus.year}: ${num(focus.expected)} woningen. ` : ''}Het doel is 100.000 woningen per jaar. De tabel onder de grafiek heeft alle cijfers.`
  );
}

function ProductionTable({ overview }: { overview: NationalOverview }) {
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table" data-testid="production-table">
        <caption className="utrecht-table__caption">Gerealiseerde en verwachte woningbouw per jaar tegenover het doel</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className={TH}>
              Jaar
            </th>
            <th scope="col" className={TH_NUM}>
              Gerealiseerd (CBS)
            </th>
            <th scope="col" className={TH_NUM}>
              Opgeleverd volgens monitor
            </th>
            <th scope="col" className={TH_NUM}>
              Gepland (jaarschijven)
            </th>
            <th scope="col" className={TH_NUM}>
              Verwacht (mediaan)
            </th>
            <th scope="col" className={TH_NUM}>
              Bandbreedte P10–P90
            </th>
            <th scope="col" className={TH_NUM}>
              Doel
            </th>
            <th scope="col" className={TH_NUM}>
              Verschil met doel
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {overview.production.years.map((y) => {
            const forecast = hasForecast(y);
            const gap = y.realisedCbs !== null && y.target !== null ? y.realisedCbs - y.target : forecast ? y.gap : null;
            return (
              <tr key={y.year} className="utrecht-table__row" data-year={y.year}>
                <th scope="row" className={TH}>
                  {y.year}
                </th>
                <td className={TD_NUM}>{num(y.realisedCbs)}</td>
                <td className={TD_NUM}>{y.opleveringenMonitor > 0 ? num(y.opleveringenMonitor) : '–'}</td>
                <td className={TD_NUM}>{forecast ? num(y.planned) : '–'}</td>
                <td className={TD_NUM}>{forecast ? num(y.expected) : '–'}</td>
                <td className={TD_NUM}>{y.p10 === null || y.p90 === null ? '–' : `${num(y.p10)} – ${num(y.p90)}`}</td>
                <td className={TD_NUM}>{num(y.target)}</td>
                <td className={TD_NUM}>
                  {gap === null ? '–' : gap < 0 ? <span className="wbm-gap--short">tekort {num(-gap)}</span> : `+${num(gap)}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SharesSection({ overview }: { overview: NationalOverview }) {
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

function MeetsBadge({ meets, yes = 'Gehaald', no = 'Niet gehaald' }: { meets: boolean; yes?: string; no?: string }) {
  return (
    <span className={`wbm-meets wbm-meets--${meets ? 'ja' : 'nee'}`}>
      <span aria-hidden="true">{meets ? '✓' : '✗'}</span> {meets ? yes : no}
    </span>
  );
}

const TARGET_STATUS: Record<SpecialTarget['status'], { text: string; icon: string }> = {
  op_koers: { text: 'Op koers', icon: '✓' },
  achter: { text: 'Achter op het doel', icon: '!' },
  onbekend: { text: 'Nog niet meetbaar', icon: '?' },
  ter_vergelijking: { text: 'Ter vergelijking, geen doel', icon: 'i' },
};

function SpecialTargets({ targets }: { targets: SpecialTarget[] }) {
  if (targets.length === 0) return <p className="utrecht-paragraph">Er zijn nog geen bijzondere doelen vastgelegd.</p>;
  // Two targets with the same name (e.g. "Nieuwe woningen" for 2022–2030 and per year 2025–2029) get their period in the heading.
  const sameLabel = (label: string) => targets.filter((x) => x.label === label).length > 1;
  return (
    <ul className="wbm-special-targets" data-testid="special-targets">
      {targets.map((t) => {
        const status = TARGET_STATUS[t.status];
        const period = t.target.periodStart === t.target.periodEnd ? String(t.target.periodStart) : `${t.target.periodStart}–${t.target.periodEnd}`;
        return (
          <li key={t.targetId} className={`wbm-special-target wbm-special-target--${t.status}`} data-testid="special-target">
            <h3 className="nl-heading nl-heading--level-3">
              {t.label}
              {sameLabel(t.label) && ` (${period})`}
            </h3>
            <p className="utrecht-paragraph">
              <span className={`wbm-target-status wbm-target-status--${t.status}`}>
                <span aria-hidden="true" className="wbm-target-status__icon">
                  {status.icon}
                </span>{' '}
                {status.text}
              </span>
            </p>
            <dl className="wbm-data-list">
              <div className="utrecht-data-list__item">
                <dt>{t.status === 'ter_vergelijking' ? 'Opbrengst nu' : 'Doel'}</dt>
                <dd>
                  {formatTargetValue(t.target.value, t.target.unit)} ({period})
                </dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt>Stand</dt>
                <dd>
                  {t.measurable && t.measured !== null ? (
                    <>
                      {formatTargetValue(t.measured, t.target.unit === 'woningen_per_jaar' ? 'woningen' : t.target.unit)}
                      {t.measuredOver ? ` (${t.measuredOver.from === t.measuredOver.to ? t.measuredOver.from : `${t.measuredOver.from}–${t.measuredOver.to}`})` : ''}
                      {t.progress !== null && <>, {formatPercent(t.progress)} van het doel</>}
                    </>
                  ) : (
                    'nog niet meetbaar'
                  )}
                </dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt>{t.measurable ? 'Hoe gemeten' : 'Waarom niet meetbaar'}</dt>
                <dd>{t.explanation}</dd>
              </div>
              <div className="utrecht-data-list__item">
                <dt>Bron</dt>
                <dd>
                  {t.target.sourceUrl ? (
                    <a className="utrecht-link" href={t.target.sourceUrl} rel="noreferrer">
                      {t.target.sourceRef ?? t.target.sourceUrl}
                    </a>
                  ) : (
                    (t.target.sourceRef ?? 'onbekend')
                  )}
                </dd>
              </div>
              {t.target.note && (
                <div className="utrecht-data-list__item">
                  <dt>Toelichting</dt>
                  <dd>{t.target.note}</dd>
                </div>
              )}
            </dl>
            {t.progress !== null && (
              <span className="wbm-share-bar wbm-share-bar--wide" aria-hidden="true">
                <span className="wbm-share-bar__fill" style={{ inlineSize: `${Math.min(1, Math.max(0, t.progress)) * 100}%` }} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `kwartaal ${m[2]} van ${m[1]}` : quarter;
}

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

function Method({ overview }: { overview: NationalOverview }) {
  const s = overview.simulation;
  return (
    <>
      <p className="utrecht-paragraph">
        Verwacht: de middelste uitkomst (mediaan) van de simulaties hieronder. Gepland: de woningen in de jaarschijven van de projecten. Elke
        simulatie telt de woningen in de jaarschijven van de projecten, maal de kans dat een plan met die planstatus doorgaat (
        {Object.entries(overview.assumptions.byPlanStatus)
          .map(([status, share]) => `${label(status).toLowerCase()} ${formatPercent(share)}`)
          .join(', ')}
        ; bron: {overview.assumptions.source}).
      </p>
      <p className="utrecht-paragraph">
        Bandbreedte: {formatNumber(s.runs)} simulaties met de vertragingen die echt zijn waargenomen bij{' '}
        {formatNumber(s.delays.samples)} projecten (gemiddeld {formatNumber(Math.round(s.delays.meanMonths))} maanden). {s.method}
      </p>
    </>
  );
}
