/**
 * Loads the facts the access rules need and asks the rules (src/domain/access.ts, where every decision
 * is). Reading something that is not yours answers "not found", so its existence does not leak (SPEC §7).
 */
import { requireReadableProject, type AreaFacts, type Principal, type ProjectFacts } from '../domain/access.ts';
import type { Party } from '../domain/project.ts';
import type { Queryable } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';

export function createAccessGuard(deps: {
  geography: GeographyRepository;
  /** Demo mode: the public may read the synthetic demo projects (never real ones). */
  publicDemoData?: boolean;
}) {
  const { geography } = deps;
  const publicDemoData = deps.publicDemoData ?? false;

  async function projectFacts(
    q: Queryable,
    project: { gemeenteCode: string; provincieCode: string; parties: readonly Party[]; synthetic?: boolean; regionIds?: readonly string[] },
  ): Promise<ProjectFacts> {
    return {
      gemeenteCode: project.gemeenteCode,
      provincieCode: project.provincieCode,
      partyOrganisationIds: project.parties.map((p) => p.organisationId),
      // Loaded with the project when it was read for a change (one statement); else looked up.
      regionIds: project.regionIds ? [...project.regionIds] : await geography.regionIdsOf(q, project.gemeenteCode),
      // Unknown marking counts as real: demo principals are then refused (fail closed). SPEC §7.
      synthetic: project.synthetic ?? false,
    };
  }

  /** `provincieOf`: each gemeente's provincie when the caller has it at hand (read once per data version); else read here. */
  async function areaFacts(
    q: Queryable,
    area: { id: string; gemeenteCodes: readonly string[] },
    provincieOf?: Map<string, string>,
  ): Promise<AreaFacts> {
    provincieOf ??= await geography.gemeenteCodes(q);
    return {
      id: area.id,
      gemeenteCodes: area.gemeenteCodes,
      provincieCodes: [...new Set(area.gemeenteCodes.map((g) => provincieOf.get(g)!).filter(Boolean))],
    };
  }

  return {
    projectFacts,
    areaFacts,

    /** The project's facts when the principal may read it; otherwise NotFound (no leak of existence). */
    async readableProject(
      q: Queryable,
      principal: Principal,
      project: {
        id: string;
        gemeenteCode: string;
        provincieCode: string;
        parties: readonly Party[];
        synthetic?: boolean;
        regionIds?: readonly string[];
      },
    ): Promise<ProjectFacts> {
      const facts = await projectFacts(q, project);
      requireReadableProject(principal, { ...facts, id: project.id }, publicDemoData);
      return facts;
    },

    /** Whether the public may list the synthetic demo projects (demo mode only). */
    publicDemoData,
  };
}

export type AccessGuard = ReturnType<typeof createAccessGuard>;
