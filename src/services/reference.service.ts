/** Read access to reference data: geography, regions, organisations. */
import { canSeeOrganisation, type Principal } from '../domain/access.ts';
import type { RegionKind } from '../domain/codes.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { OrganisationRepository } from '../storage/organisation.repository.ts';
import type { RegionAdminRepository } from '../storage/region-admin.repository.ts';

export function createReferenceService(deps: {
  db: Db;
  geography: GeographyRepository;
  organisations: OrganisationRepository;
  regions: RegionAdminRepository;
}) {
  const { db, geography, organisations, regions } = deps;
  return {
    listProvincies: () => geography.listProvincies(db),
    listGemeenten: (provincieCode?: string) => geography.listGemeenten(db, { provincieCode }),
    async getGemeente(code: string) {
      const gemeente = await geography.getGemeente(db, code);
      if (!gemeente) throw new NotFoundError('Gemeente', code);
      return gemeente;
    },
    /** Every region with its current gemeenten, whether it stopped, and its number of member organisations (issue 11 item 1). */
    listRegions: (kind?: RegionKind) => regions.list(db, kind),
    /** The organisations the principal may see (demo roles: no real market party; src/domain/access.ts). */
    async listOrganisations(type: string | undefined, principal: Principal) {
      return (await organisations.list(db, { type })).filter((o) => canSeeOrganisation(principal, o));
    },
    boundaries: (level: 'gemeente' | 'provincie') => geography.boundaries(db, level),
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
