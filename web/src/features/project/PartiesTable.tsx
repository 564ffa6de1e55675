/** Parties of a project with their role; names come from GET /api/v1/organisations. */
import type { Organisation, Party } from '../../api/types.ts';
import { label, PARTY_ROLES } from '../../labels.ts';

export function PartiesTable({ parties, organisations }: { parties: Party[]; organisations: Organisation[] | undefined }) {
  if (parties.length === 0) return <p className="utrecht-paragraph">Er zijn nog geen partijen vastgelegd.</p>;
  const byId = new Map((organisations ?? []).map((o) => [o.id, o]));
  const sorted = [...parties].sort((a, b) => PARTY_ROLES.indexOf(a.role) - PARTY_ROLES.indexOf(b.role));
  return (
    <div className="utrecht-table-container wbm-table-scroll">
      <table className="utrecht-table utrecht-table--html-table wbm-table">
        <caption className="utrecht-table__caption">Partijen en hun rol in het project</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">Organisatie</th>
            <th scope="col" className="utrecht-table__header-cell">Soort organisatie</th>
            <th scope="col" className="utrecht-table__header-cell">Rol</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((p) => {
            const org = byId.get(p.organisationId);
            return (
              <tr key={`${p.organisationId}-${p.role}`} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell wbm-row-header">
                  {org ? org.name : organisations ? 'Onbekende organisatie' : 'Bezig met laden…'}
                </th>
                <td className="utrecht-table__cell">{org ? label(org.type) : '–'}</td>
                <td className="utrecht-table__cell">{label(p.role)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
