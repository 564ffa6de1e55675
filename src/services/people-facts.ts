/**
 * Loads the facts the people rules need (src/domain/access.ts canAssignRoleScope) for roles and scopes: an
 * invitation, an account, or a change being asked for. One load per request, then a lookup per person.
 */
import type { RoleScopeFacts, Role, TableFacts } from '../domain/access.ts';
import type { AccountScope } from '../domain/account.ts';
import type { Queryable } from '../storage/db.ts';
import type { PeopleGeographyRepository } from '../storage/people-geography.repository.ts';

export type FactsOf = (subject: AccountScope & { role: Role; isDemo: boolean }) => RoleScopeFacts;

function group<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), value(row)]);
  return map;
}

export function createPeopleFacts(geography: PeopleGeographyRepository) {
  return {
    /** A function giving the facts of any role and scope, over the geography as it is now. */
    async load(q: Queryable): Promise<FactsOf> {
      const rows = await geography.load(q);
      const provincieOf = new Map(rows.gemeenten.map((g) => [g.code, g.provincieCode]));
      const tablesOfGemeente = group(
        rows.tableGemeenten,
        (r) => r.gemeenteCode,
        (r) => r.regionId,
      );
      const gemeentenOfTable = group(
        rows.tableGemeenten,
        (r) => r.regionId,
        (r) => r.gemeenteCode,
      );
      const tablesOfOrganisation = group(
        rows.memberships,
        (r) => r.organisationId,
        (r) => r.regionId,
      );
      const table = (id: string): TableFacts => ({
        id,
        provincieCodes: [...new Set((gemeentenOfTable.get(id) ?? []).map((g) => provincieOf.get(g)!).filter(Boolean))],
      });
      return (s) => ({
        role: s.role,
        gemeenteCode: s.gemeenteCode,
        regionId: s.regionId,
        organisationId: s.organisationId,
        provincieCode: s.provincieCode,
        gemeenteProvincieCode: s.gemeenteCode ? (provincieOf.get(s.gemeenteCode) ?? null) : null,
        gemeenteTableIds: s.gemeenteCode ? (tablesOfGemeente.get(s.gemeenteCode) ?? []) : [],
        table: s.regionId ? table(s.regionId) : null,
        organisationTables: s.organisationId ? (tablesOfOrganisation.get(s.organisationId) ?? []).map(table) : [],
        isDemo: s.isDemo,
      });
    },
  };
}

export type PeopleFacts = ReturnType<typeof createPeopleFacts>;
