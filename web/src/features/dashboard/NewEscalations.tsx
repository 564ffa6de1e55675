/**
 * Tafeloverzicht: "Nieuw geëscaleerde knelpunten" — the open knelpunten escalated to the table since its quarterly
 * round opened (without an open round: the last three months; src/domain/knelpunt.ts newEscalationsSince), newest
 * first, each with its project, why the table must pick it up, and when. The secretary sees these first.
 */
import type { Dashboard } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Section } from '../../components/Section.tsx';
import { Table } from '../../components/Table.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { formatDate, formatDateShort, label } from '../../labels.ts';
import { projectUrl } from './drilldown.ts';

export function NewEscalations({ dashboard }: { dashboard: Dashboard }) {
  const { since, basis, items } = dashboard.newEscalations;
  const period =
    basis === 'round' ? `sinds de kwartaalronde openging (${formatDate(since)})` : `sinds ${formatDate(since)} (de laatste drie maanden)`;
  return (
    <Section id="nieuwe-escalaties" title="Nieuw geëscaleerde knelpunten">
      {items.length === 0 ? (
        <Paragraph data-testid="new-escalations-none">Er zijn geen knelpunten naar de tafel geëscaleerd {period}.</Paragraph>
      ) : (
        <Table
          caption={`Knelpunten die ${period} naar de tafel zijn geëscaleerd, nieuwste eerst`}
          testId="new-escalations"
          rows={items}
          rowKey={(e) => e.knelpuntId}
          columns={[
            { key: 'project', header: 'Project', cell: (e) => <TextLink to={`${projectUrl(e.projectId)}#knelpunten`}>{e.projectName}</TextLink> },
            { key: 'category', header: 'Knelpunt', cell: (e) => `${label(e.category)}: ${e.description}` },
            { key: 'reason', header: 'Waarom naar de tafel', cell: (e) => e.reason ?? 'Geen reden opgegeven' },
            { key: 'date', header: 'Geëscaleerd op', className: 'wbm-nowrap', cell: (e) => formatDateShort(e.escalatedOn) },
          ]}
        />
      )}
    </Section>
  );
}
