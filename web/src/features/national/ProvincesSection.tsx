/** Landelijk overzicht: provinces and regions, expected production against their target (map and tables). */
import { lazy, Suspense } from 'react';
import type { NationalAttainment, NationalOverview } from '../../api/types.ts';
import { LegendSymbol } from '../../components/LegendSymbol.tsx';
import { Table } from '../../components/Table.tsx';
import { formatNumber } from '../../labels.ts';
import { ATTAINMENT_CLASSES, ATTAINMENT_COLOURS, ATTAINMENT_LABELS, ATTAINMENT_SHORT, attainmentClass } from './attainment.ts';
import { num, pct, withKind } from './nationalFormat.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';

const ProvinceMap = lazy(() => import('./ProvinceMap.tsx'));

const BASIS_LABELS: Record<string, string> = { vastgesteld: 'vastgesteld doel', geschat: 'geschat', onbekend: 'geen doel bekend' };

/** "1 provincie", "3 provincies". */
const provinceCount = (n: number) => `${formatNumber(n)} ${n === 1 ? 'provincie' : 'provincies'}`;

function AttainmentTable({
  caption,
  firstColumn,
  rows,
  testId,
}: {
  caption: string;
  firstColumn: string;
  rows: (NationalAttainment & { key: string })[];
  testId: string;
}) {
  return (
    <Table
      caption={caption}
      scrollLabel={`Tabel: ${caption}`}
      testId={testId}
      rows={rows}
      rowKey={(r) => r.key}
      plainRowHeaders
      columns={[
        { key: 'name', header: firstColumn, cell: (r) => r.name },
        { key: 'planned', header: 'Gepland (jaarschijven)', numeric: true, cell: (r) => num(r.planned) },
        { key: 'expected', header: 'Verwacht (mediaan)', numeric: true, cell: (r) => num(r.expected) },
        {
          key: 'band',
          header: 'Bandbreedte P10–P90',
          numeric: true,
          cell: (r) => (r.p10 === null || r.p90 === null ? '–' : `${num(r.p10)} – ${num(r.p90)}`),
        },
        {
          key: 'target',
          header: 'Doel',
          numeric: true,
          cell: (r) => (
            <>
              {num(r.target)}
              {r.targetBasis === 'geschat' && <span className="wbm-muted"> (geschat)</span>}
            </>
          ),
        },
        { key: 'attainment', header: 'Deel van het doel', numeric: true, cell: (r) => pct(r.attainment) },
        { key: 'assessment', header: 'Beoordeling', cell: (r) => <Assessment row={r} /> },
      ]}
    />
  );
}

function Assessment({ row: r }: { row: NationalAttainment }) {
  const c = attainmentClass(r.attainment);
  return (
    <span className="wbm-attainment">
      <svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="12" height="12" fill={ATTAINMENT_COLOURS[c]} stroke="#1a1a1a" strokeWidth="1" />
      </svg>
      {ATTAINMENT_SHORT[c]}
      {c === 'geen_doel' && r.targetBasis !== 'onbekend' ? ` (${BASIS_LABELS[r.targetBasis]})` : ''}
    </span>
  );
}

export function ProvincesSection({ overview: data, onMapReady }: { overview: NationalOverview; onMapReady: () => void }) {
  return (
    <Section id="nl-kaart" title={`Provincies: verwachte bouw tegenover het doel in ${data.year}`}>
      <Paragraph>
        Hoeveel procent van het bouwdoel van {data.year} elke provincie naar verwachting haalt (verwachte oplevering gedeeld door het doel).
        Provincies zonder vastgelegd doel zijn wit.
      </Paragraph>
      <div className="wbm-map-layout">
        <div className="wbm-map-frame">
          <Suspense fallback={<div className="wbm-map wbm-map--national wbm-map--loading">De kaart wordt geladen…</div>}>
            <ProvinceMap provinces={data.provinces} onReady={onMapReady} />
          </Suspense>
        </div>
        <div className="wbm-map-legend">
          <ul className="wbm-legend-list" aria-label="Legenda van de kaart" data-testid="national-map-legend">
            {ATTAINMENT_CLASSES.map((c) => (
              <li key={c}>
                <LegendSymbol>
                  <rect x="2" y="2" width="16" height="16" fill={ATTAINMENT_COLOURS[c]} stroke="#1a1a1a" strokeWidth="1" />
                </LegendSymbol>
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
    </Section>
  );
}
