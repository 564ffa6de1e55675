/**
 * Alternatives put forward by the gemeenten of a table (issue 12 item 6; `001 § Afspraak 3B` "Aandragen alternatieve
 * projecten"): a gemeente of the table proposes an alternative project or the acceleration of one of its projects, with
 * the homes and the year; the table (whoever sees it whole) reads every proposal beside the ranked alternatives, a
 * gemeente its own. Withdrawing keeps the proposal (withdrawn) and the audit trail has every step.
 */
import { randomUUID } from 'node:crypto';
import {
  createsSynthetic,
  requireMayProposeAlternative,
  requireMayWithdrawProposal,
  requireProposalsView,
  syntheticDataOnly,
  withinDemoScope,
  type Principal,
} from '../domain/access.ts';
import { proposalProblems, proposalYears, type ProposalInput } from '../domain/alternative-proposal.ts';
import type { Actor } from '../domain/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { GeographyRepository } from '../storage/geography.repository.ts';
import type { ProposalRepository, ProposalRow } from '../storage/proposal.repository.ts';
import type { AccessGuard } from './access.service.ts';
import { todayInNetherlands } from './today.ts';

export type Proposal = ProposalRow;

export interface ProposalList {
  region: { id: string; name: string };
  /** 'all': every gemeente's proposals (the table); 'own': the caller's gemeente's only. */
  view: 'all' | 'own';
  /** The caller may put forward an alternative here (a project leader of a gemeente of the table). */
  mayPropose: boolean;
  /** The years a proposal may add homes in. */
  years: { from: number; to: number };
  /** For a proposer: the projects of their gemeente a proposal may name. */
  projectChoices: Array<{ id: string; name: string }>;
  items: Proposal[];
}

export function createProposalService(deps: {
  db: Db;
  proposals: ProposalRepository;
  geography: GeographyRepository;
  access: AccessGuard;
  audit: AuditRepository;
  today?: () => string;
}) {
  const { db, proposals, geography, access, audit } = deps;
  const today = deps.today ?? (() => todayInNetherlands());

  /** A defined region (a table) with the facts the rules need; 404 for an unknown one. */
  async function table(q: Queryable, regionId: string) {
    const region = (await geography.listRegions(q)).find((r) => r.id === regionId);
    if (!region) throw new NotFoundError('Regio', regionId);
    return { region, facts: { ...(await access.areaFacts(q, region)), isTable: true } };
  }

  async function record(tx: Queryable, actor: Actor, id: string, action: string, changes: Array<{ field: string; old: unknown; new: unknown }>) {
    await audit.append(tx, [
      {
        actorUserId: actor.principal.userId,
        actorName: actor.principal.name,
        via: actor.via,
        entityType: 'alternatief_voorstel',
        entityId: id,
        action,
        changes,
      },
    ]);
  }

  return {
    /** The open proposals of a table the caller may see, and what the caller may propose. */
    async list(regionId: string, principal: Principal): Promise<ProposalList> {
      const { region, facts } = await table(db, regionId);
      const view = requireProposalsView(principal, facts);
      const syntheticOnly = syntheticDataOnly(principal);
      const own = view === 'own' ? principal.gemeenteCode! : undefined;
      const items = await proposals.listOpen(db, region.id, { gemeenteCode: own, syntheticOnly });
      const mayPropose = view === 'own';
      const choices = mayPropose ? await proposals.projectChoices(db, principal.gemeenteCode!, syntheticOnly) : [];
      return {
        region: { id: region.id, name: region.name },
        view,
        mayPropose,
        years: proposalYears(today()),
        projectChoices: choices.filter((c) => c.phase !== 'opgeleverd').map(({ id, name }) => ({ id, name })),
        items,
      };
    },

    /** Put forward an alternative: the rules of src/domain/alternative-proposal.ts, each problem next to its field (422). */
    async create(regionId: string, input: ProposalInput, actor: Actor): Promise<Proposal> {
      const principal = actor.principal;
      return db.transaction(async (tx) => {
        const { region, facts } = await table(tx, regionId);
        requireMayProposeAlternative(principal, facts);
        const gemeenteCode = principal.gemeenteCode!;
        const gemeenteName = (await geography.listGemeenten(tx)).find((g) => g.code === gemeenteCode)?.name ?? gemeenteCode;
        const project = input.projectId ? await proposals.projectFacts(tx, input.projectId) : null;
        // A project a demo role may not touch (a real one) counts as not found: it is not theirs to name.
        const visible = project && withinDemoScope(principal, project) ? project : null;
        const issues = proposalProblems(input, { gemeenteCode, gemeenteName, project: visible, today: today() });
        if (issues.length > 0) throw new ValidationError(issues);
        const id = randomUUID();
        const description = input.description?.trim() ? input.description.trim() : null;
        await proposals.insert(tx, {
          id,
          regionId: region.id,
          gemeenteCode,
          kind: input.kind,
          projectId: input.projectId,
          title: input.title.trim(),
          description,
          homes: input.homes!,
          year: input.year!,
          proposedByUserId: principal.userId,
          synthetic: createsSynthetic(principal),
        });
        await record(tx, actor, id, `voorgesteld aan ${region.name}`, [
          { field: 'kind', old: null, new: input.kind },
          { field: 'projectId', old: null, new: input.projectId },
          { field: 'title', old: null, new: input.title.trim() },
          { field: 'homes', old: null, new: input.homes },
          { field: 'year', old: null, new: input.year },
        ]);
        return (await proposals.get(tx, id))!;
      });
    },

    /** Withdraw a proposal (the gemeente that made it): kept, marked withdrawn; a stale version is 409. */
    async withdraw(regionId: string, proposalId: string, version: number, actor: Actor): Promise<Proposal> {
      const principal = actor.principal;
      return db.transaction(async (tx) => {
        const { region, facts } = await table(tx, regionId);
        const view = requireProposalsView(principal, facts);
        const found = await proposals.get(tx, proposalId, { forUpdate: true });
        const proposal = found && found.regionId === region.id ? found : null;
        requireMayWithdrawProposal(principal, view, proposal, () => new NotFoundError('Voorstel', proposalId));
        if (proposal.withdrawnAt) throw new ConflictError('Dit voorstel is al ingetrokken.', proposal.version);
        if (!(await proposals.withdraw(tx, proposal.id, version, principal.userId))) {
          throw new ConflictError('Het voorstel is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.', proposal.version);
        }
        await record(tx, actor, proposal.id, `ingetrokken (${region.name})`, [{ field: 'withdrawnAt', old: null, new: new Date().toISOString() }]);
        return (await proposals.get(tx, proposal.id))!;
      });
    },
  };
}

export type ProposalService = ReturnType<typeof createProposalService>;
