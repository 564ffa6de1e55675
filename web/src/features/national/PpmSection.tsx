/** Landelijk overzicht: use of the Publiek Private Monitor per region and province. */
import type { NationalOverview, PpmArea } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDateShort, formatNumber } from '../../labels.ts';
import { KIND_LABELS, withKind, num, pct, MeetsBadge, quarterLabel } from './nationalFormat.tsx';
import { Section } from '../../components/Section.tsx';

function PpmTable({ areas, caption, testId }: { areas: PpmArea[]; caption: string; testId: string }) {
  return (
    <Table
      caption={caption}
      scrollLabel={`Tabel: ${caption}`}
      testId={testId}
      rows={areas}
      rowKey={(r) => r.id}
      plainRowHeaders
      empty={<Paragraph>Er zijn nog geen regio’s.</Paragraph>}
      columns={[
        {
          key: 'name',
          header: 'Regio',
          cell: (r) => (
            <>
              {r.name}
              {r.kind !== 'provincie' && withKind(r.name, r.kind) !== r.name && (
                <span className="wbm-muted"> – {(KIND_LABELS[r.kind] ?? r.kind).toLowerCase()}</span>
              )}
            </>
          ),
        },
        { key: 'gemeenten', header: 'Gemeenten', numeric: true, cell: (r) => formatNumber(r.gemeenten) },
        { key: 'projects', header: 'Projecten', numeric: true, cell: (r) => num(r.projects) },
        { key: 'inUse', header: 'PPM in gebruik', cell: (r) => <MeetsBadge meets={r.ppmInUse} yes="Ja" no="Nee" /> },
        {
          key: 'updated',
          header: 'Bijgewerkt dit kwartaal',
          numeric: true,
          cell: (r) =>
            r.roundOpened === false ? (
              <span className="wbm-muted">nog geen kwartaalronde</span>
            ) : (
              <>
                {num(r.updatedThisQuarter)} ({pct(r.updatedShare)})
              </>
            ),
        },
        {
          key: 'overdue',
          header: 'Achterstallige projecten',
          numeric: true,
          cell: (r) => (
            <>
              {r.overdue === null ? num(null) : r.overdue > 0 ? <span className="wbm-gap--short">{formatNumber(r.overdue)}</span> : '0'} (
              {pct(r.overdueShare)})
            </>
          ),
        },
        { key: 'overdueParties', header: 'Partijen met achterstand', numeric: true, cell: (r) => num(r.overdueParties) },
        { key: 'lastUpdate', header: 'Laatst bijgewerkt', cell: (r) => formatDateShort(r.lastUpdate) },
      ]}
    />
  );
}

export function PpmSection({ ppm }: { ppm: NationalOverview['ppm'] }) {
  return (
    <Section id="nl-ppm" title={`Gebruik van de Publiek Private Monitor per regio (${quarterLabel(ppm.quarter)})`}>
      <Paragraph>
        Voor de landelijke versnellingstafel: werkt elke regio met de monitor, en leveren alle partijen elk kwartaal hun gegevens?
      </Paragraph>
      <Paragraph className="wbm-muted">{ppm.rule}</Paragraph>
      <PpmTable
        areas={ppm.regions}
        caption={`PPM-gebruik per versnellingstafel en woondealregio, ${quarterLabel(ppm.quarter)}`}
        testId="ppm-regions"
      />
      <details className="wbm-details">
        <summary>PPM-gebruik per provincie</summary>
        <PpmTable areas={ppm.provinces} caption={`PPM-gebruik per provincie, ${quarterLabel(ppm.quarter)}`} testId="ppm-provinces" />
      </details>
    </Section>
  );
}
