/**
 * The table's agenda for its quarterly meeting (issue 12 item 7): load what it is built from — the table's projects
 * with their pending milestones, the open escalated knelpunten, the parties that have not delivered in the round (the
 * open one, else the latest), the gemeenten's open proposals — and build it with src/domain/agenda.ts.
 */
import { requireTableAgenda, syntheticDataOnly, type Principal } from '../domain/access.ts';
import { buildAgenda, type AgendaProject, type AgendaSection } from '../domain/agenda.ts';
import type { RegionKind } from '../domain/codes.ts';
import { NotFoundError } from '../domain/errors.ts';
import { kwartaalLabel, quarterOf, type Kwartaal } from '../domain/kwartaal.ts';
import type { AgendaRepository } from '../storage/agenda.repository.ts';
import type { DashboardRepository } from '../storage/dashboard.repository.ts';
import type { Db } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { ProposalRepository } from '../storage/proposal.repository.ts';
import type { RoundRepository } from '../storage/round.repository.ts';
import type { AccessGuard } from './access.service.ts';
import type { RoundService, RoundSummary } from './round.service.ts';
import { todayInNetherlands } from './today.ts';

export interface Agenda {
  region: { id: string; name: string; kind: RegionKind };
  /** The round the agenda is for: the open one, else the latest; null when the table has none. */
  round: RoundSummary | null;
  /** The round's quarter, or (without a round) the current one. */
  quarter: Kwartaal;
  quarterLabel: string;
  /** The date the agenda was made (YYYY-MM-DD). */
  asOf: string;
  sections: AgendaSection[];
}

export function createAgendaService(deps: {
  db: Db;
  dashboards: DashboardRepository;
  agenda: AgendaRepository;
  geography: GeographyRepository;
  access: AccessGuard;
  roundRecords: RoundRepository;
  rounds: RoundService;
  proposals: ProposalRepository;
  today?: () => string;
}) {
  const { db, dashboards, agenda, geography, access, roundRecords, rounds, proposals } = deps;
  const today = deps.today ?? (() => todayInNetherlands());

  return {
    /** The agenda of a table (a defined region): for those who see the whole table (requireTableAgenda). */
    async agenda(regionId: string, principal: Principal): Promise<Agenda> {
      const region = (await geography.listRegions(db)).find((r) => r.id === regionId);
      if (!region) throw new NotFoundError('Regio', regionId);
      requireTableAgenda(principal, await access.areaFacts(db, region));
      const syntheticOnly = syntheticDataOnly(principal);
      const asOf = today();
      const [projects, knelpunten, names, roundList, open] = await Promise.all([
        dashboards.loadProjects(db, region.gemeenteCodes, { syntheticOnly }),
        agenda.escalatedKnelpunten(db, region.gemeenteCodes, syntheticOnly),
        agenda.gemeenteNames(db, region.gemeenteCodes),
        roundRecords.listByRegion(db, region.id),
        proposals.listOpen(db, region.id, { syntheticOnly }),
      ]);
      const record = roundList.find((r) => r.closedAt === null) ?? roundList[0] ?? null;
      const undelivered = record ? await rounds.undelivered(record.id, principal) : null;
      const gemeenteName = (code: string) => names.get(code) ?? code;
      const byProject = new Map<string, typeof knelpunten>();
      for (const k of knelpunten) byProject.set(k.projectId, [...(byProject.get(k.projectId) ?? []), k]);
      const agendaProjects: AgendaProject[] = projects.map((p) => ({
        id: p.id,
        name: p.name,
        gemeenteCode: p.gemeenteCode,
        gemeenteName: gemeenteName(p.gemeenteCode),
        milestones: p.milestones,
        knelpunten: byProject.get(p.id) ?? [],
      }));
      const projectRef = new Map(agendaProjects.map((p) => [p.id, p]));
      const quarter = record?.quarter ?? quarterOf(asOf);
      const sections = buildAgenda({
        projects: agendaProjects,
        round: record ? { quarterLabel: kwartaalLabel(record.quarter), deadline: record.deadline, open: record.closedAt === null } : null,
        undelivered: (undelivered?.items ?? []).map((o) => ({
          organisationId: o.organisationId,
          name: o.name,
          total: o.total,
          outstanding: o.outstanding,
          projects: o.projects.map((p) => ({ id: p.id, name: p.name, gemeenteCode: p.gemeenteCode, gemeenteName: p.gemeenteName })),
        })),
        proposals: open.map((p) => ({
          id: p.id,
          kind: p.kind,
          title: p.title,
          description: p.description,
          homes: p.homes,
          year: p.year,
          gemeenteName: p.gemeenteName,
          project: p.project ? (projectRef.get(p.project.id) ?? { ...p.project, gemeenteCode: p.gemeenteCode, gemeenteName: p.gemeenteName }) : null,
        })),
        today: asOf,
      });
      return {
        region: { id: region.id, name: region.name, kind: region.kind },
        round: undelivered?.round ?? null,
        quarter,
        quarterLabel: kwartaalLabel(quarter),
        asOf,
        sections,
      };
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
