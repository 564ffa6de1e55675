/** Parties of a project with their role; names come from GET /api/v1/organisations. */
import type { Organisation, Party } from '../../api/types.ts';
import { Paragraph } from '../../components/Paragraph.tsx';
import { Table } from '../../components/Table.tsx';
import { label, PARTY_ROLES } from '../../labels.ts';

export function PartiesTable({ parties, organisations }: { parties: Party[]; organisations: Organisation[] | undefined }) {
  const byId = new Map((organisations ?? []).map((o) => [o.id, o]));
  const sorted = [...parties].sort((a, b) => PARTY_ROLES.indexOf(a.role) - PARTY_ROLES.indexOf(b.role));
  return (
    <Table
      caption="Partijen en hun rol in het project"
      scrollLabel="Partijen"
      rows={sorted}
      rowKey={(p) => `${p.organisationId}-${p.role}`}
      empty={<Paragraph>Er zijn nog geen partijen vastgelegd.</Paragraph>}
      columns={[
        {
          key: 'organisation',
          header: 'Organisatie',
          cell: (p) => byId.get(p.organisationId)?.name ?? (organisations ? 'Onbekende organisatie' : 'Bezig met laden…'),
        },
        {
          key: 'type',
          header: 'Soort organisatie',
          cell: (p) => {
            const org = byId.get(p.organisationId);
            return org ? label(org.type) : '–';
          },
        },
        { key: 'role', header: 'Rol', cell: (p) => label(p.role) },
      ]}
    />
  );
}
