/** Candidate projects to bring forward or enlarge, with the reason for each (dashboard and project page). */
import type { Alternatives } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatCount, formatNumber } from '../../labels.ts';
import { projectUrl } from './drilldown.ts';

/** Candidates with the reason for each, ranked by readiness (shared with the project page). */
export function AlternativesTable({ alternatives }: { alternatives: Alternatives }) {
  const a = alternatives;
  return (
    <>
      {a.expected === null ? (
        <Paragraph>
          {a.tableFiguresNote}{' '}
          {a.candidates.length === 0
            ? 'Er zijn geen kandidaten die u mag inzien.'
            : `${formatCount(a.candidates.length, 'kandidaat', 'kandidaten')} in ${a.region.name}:`}
        </Paragraph>
      ) : (
        <Paragraph>
          {a.year}: verwacht {formatCount(a.expected, 'woning', 'woningen')}
          {a.target !== null && `, opgave ${formatNumber(a.target)}`}
          {a.shortfall !== null && a.shortfall > 0 && `, tekort ${formatNumber(a.shortfall)}`}.{' '}
          {a.candidates.length === 0 ? 'Er zijn geen kandidaten gevonden.' : `${a.candidates.length} kandidaten in ${a.region.name}:`}
        </Paragraph>
      )}
      {a.candidates.length > 0 && (
        <Table
          caption={`Alternatieve projecten voor ${a.year}, meest kansrijk eerst`}
          testId="alternatives-table"
          rows={a.candidates}
          rowKey={(c) => `${c.projectId}-${c.kind}`}
          columns={[
            { key: 'project', header: 'Project', cell: (c) => <TextLink to={projectUrl(c.projectId)}>{c.projectName}</TextLink> },
            { key: 'kind', header: 'Voorstel', cell: (c) => (c.kind === 'naar_voren_halen' ? 'Naar voren halen' : 'Programma uitbreiden') },
            { key: 'later', header: 'Woningen later gepland', numeric: true, cell: (c) => formatNumber(c.homesLater) },
            {
              key: 'reasons',
              header: 'Waarom',
              cell: (c) => (
                <ul className="wbm-reasons">
                  {c.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
