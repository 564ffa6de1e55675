/** Kwartaalronde: the closed quarters, each viewable as of that quarter. */
import type { RoundSummary } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { VisuallyHidden } from '../../components/VisuallyHidden.tsx';
import { formatDateShort, formatNumber } from '../../labels.ts';
import { regionPath } from '../dashboard/drilldown.ts';
import { quarterLabel } from './quarters.ts';
import { Section } from '../../components/Section.tsx';

export function ClosedRounds({ regionId, rounds }: { regionId: string; rounds: RoundSummary[] }) {
  return (
    <Section id="ronde-gesloten" title="Gesloten kwartalen">
      <Table
        caption="Gesloten kwartalen, nieuwste eerst"
        testId="closed-rounds"
        rows={rounds}
        rowKey={(r) => r.id}
        empty={<Paragraph>Er is nog geen kwartaal gesloten.</Paragraph>}
        columns={[
          {
            key: 'quarter',
            header: 'Kwartaal',
            cell: (r) => (
              <TextLink to={`${regionPath(regionId, 'kwartaalronde')}/${r.id}`}>
                {quarterLabel(r.quarter)}
                <VisuallyHidden>: bekijk de stand</VisuallyHidden>
              </TextLink>
            ),
          },
          { key: 'deadline', header: 'Deadline', cell: (r) => formatDateShort(r.deadline) },
          { key: 'closed', header: 'Gesloten op', cell: (r) => formatDateShort(r.closedAt?.slice(0, 10)) },
          { key: 'projects', header: 'Projecten', numeric: true, cell: (r) => (r.projectCount === null ? '–' : formatNumber(r.projectCount)) },
        ]}
      />
    </Section>
  );
}
