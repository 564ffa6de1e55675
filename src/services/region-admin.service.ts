/**
 * Versnellingstafels and woondeal regions set up in the application (issue 11 item 1; SPEC §2 "Geography",
 * "Quarterly round"; `001 § Afspraak 3B`): create, rename, end; the gemeenten covered, dated by quarter (a gemeente
 * can move between tables; closed quarters keep what they were); member organisations; who runs the table.
 *
 * Access: every method takes the principal first and asks src/domain/access.ts first. Every change is one
 * transaction on the locked region row, checked against the version last read (stale: 409 with currentVersion),
 * and goes into the audit trail (entity 'tafel', field diffs).
 */
import { randomUUID } from 'node:crypto';
import {
  canManageRegionMembers,
  canSeeOrganisation,
  canSeeSecretaryContact,
  canSetUpRegion,
  createsSynthetic,
  requireMayManageRegionMembers,
  requireMayReadRegion,
  requireMaySetUpRegion,
  requireMaySetUpRegions,
  withinDemoScope,
  type Principal,
  type RegionAccessFacts,
} from '../domain/access.ts';
import { diffFields, type FieldChange } from '../domain/audit.ts';
import type { RegionKind } from '../domain/codes.ts';
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { quarterOf, type Kwartaal } from '../domain/kwartaal.ts';
import {
  conflictIssues,
  coverageInputProblems,
  endProblems,
  newRegionProblems,
  planCoverageChange,
  regionNameProblems,
  type RegionFacts,
} from '../domain/region.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { OrganisationRepository } from '../storage/organisation.repository.ts';
import type { GemeenteFacts, RegionAdminRepository, RegionRecord } from '../storage/region-admin.repository.ts';
import { todayInNetherlands } from './today.ts';

export interface RegionCreateInput {
  kind: RegionKind;
  name: string;
  gemeenteCodes: string[];
  fromQuarter?: string;
  moveFromOtherTables?: boolean;
}

export interface CoverageChangeInput {
  gemeenteCodes: string[];
  fromQuarter: string;
  version: number;
  moveFromOtherTables?: boolean;
}

/** A short, readable, unique id for a new region: its kind's prefix, the name as a slug, and a random tail. */
function newRegionId(kind: RegionKind, name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${kind === 'versnellingstafel' ? 'vt' : 'wd'}-${slug || 'regio'}-${randomUUID().slice(0, 6)}`;
}

export function createRegionAdminService(deps: {
  db: Db;
  regions: RegionAdminRepository;
  organisations: OrganisationRepository;
  audit: AuditRepository;
  today?: () => string;
}) {
  const { db, regions, organisations, audit } = deps;
  const today = () => deps.today?.() ?? todayInNetherlands();
  const currentQuarter = () => quarterOf(today());

  async function record(q: Queryable, actor: Principal, regionId: string, action: string, changes: FieldChange[]): Promise<void> {
    await audit.append(q, [
      {
        actorUserId: actor.userId,
        actorName: actor.name,
        via: actor.kind === 'token' ? 'api' : 'ui',
        entityType: 'tafel',
        entityId: regionId,
        action,
        changes,
      },
    ]);
  }

  async function mustGet(q: Queryable, id: string, forUpdate = false): Promise<RegionRecord> {
    const region = await regions.get(q, id, forUpdate);
    if (!region) throw new NotFoundError('Tafel of regio', id);
    return region;
  }

  function requireVersion(region: RegionRecord, version: number): void {
    if (region.version === version) return;
    throw new ConflictError(
      `Iemand anders heeft ‘${region.name}’ intussen gewijzigd (nu versie ${region.version}). Laad de tafel opnieuw en voer uw wijziging opnieuw in.`,
      region.version,
    );
  }

  /** The access facts of a region over the gemeenten it covers now and those it is to cover. */
  function accessFacts(
    region: Pick<RegionRecord, 'id' | 'synthetic'>,
    codes: Iterable<string>,
    gemeenten: Map<string, GemeenteFacts>,
  ): RegionAccessFacts {
    const provincieCodes = [...new Set([...codes].map((c) => gemeenten.get(c)?.provincieCode).filter((c): c is string => c !== undefined))];
    return { id: region.id, provincieCodes, synthetic: region.synthetic };
  }

  async function context(q: Queryable) {
    const [gemeenten, facts, openPeriods] = await Promise.all([regions.gemeenten(q), regions.facts(q), regions.openPeriods(q)]);
    return { gemeenten: new Map(gemeenten.map((g) => [g.code, g])), facts, openPeriods };
  }

  /** Lock a region for a membership change, ask access.ts whether this principal may make it, and look up the organisation. */
  async function lockForMemberChange(tx: Queryable, principal: Principal, id: string, organisationId: string) {
    const region = await mustGet(tx, id, true);
    const ctx = await context(tx);
    const current = ctx.openPeriods.filter((p) => p.regionId === id).map((p) => p.gemeenteCode);
    requireMayManageRegionMembers(principal, accessFacts(region, current, ctx.gemeenten));
    return { region, org: await organisations.get(tx, organisationId) };
  }

  /** Work out and write a coverage change (the rules of src/domain/region.ts); audit the moved-from tables too. */
  async function changeCoverage(
    tx: Queryable,
    actor: Principal,
    region: RegionFacts,
    ctx: Awaited<ReturnType<typeof context>>,
    input: { gemeenteCodes: string[]; fromQuarter: Kwartaal; moveFromOtherTables: boolean },
  ): Promise<{ before: string[]; after: string[] }> {
    const before = ctx.openPeriods.filter((p) => p.regionId === region.id).map((p) => p.gemeenteCode);
    const outcome = planCoverageChange({ region, ...input, openPeriods: ctx.openPeriods, regions: ctx.facts });
    if (outcome.conflicts.length > 0) throw new DuplicateError(conflictIssues(outcome.conflicts, (c) => ctx.gemeenten.get(c)?.name ?? c));
    if (outcome.issues.length > 0) throw new ValidationError(outcome.issues);
    await regions.applyCoverage(tx, outcome.plan);
    for (const fromRegionId of new Set(outcome.plan.moves.map((m) => m.fromRegionId))) {
      const moved = outcome.plan.moves.filter((m) => m.fromRegionId === fromRegionId).map((m) => m.gemeenteCode);
      await record(tx, actor, fromRegionId, `gemeenten naar ‘${region.name}’ vanaf ${input.fromQuarter}`, [
        { field: 'gemeenteCodes', old: moved, new: [] },
      ]);
    }
    return { before: before.sort(), after: [...input.gemeenteCodes].sort() };
  }

  return {
    /** A region: gemeenten now, coverage history, members, secretaries, closed quarters, and what the principal may change. */
    async detail(principal: Principal, id: string) {
      requireMayReadRegion(principal);
      const region = await mustGet(db, id);
      const [periods, members, secretaries, closedQuarters, gemeenten] = await Promise.all([
        regions.periods(db, id),
        regions.members(db, id),
        regions.secretaries(db, id),
        regions.closedQuarters(db, id),
        regions.gemeenten(db),
      ]);
      const byCode = new Map(gemeenten.map((g) => [g.code, g]));
      const nameOf = (code: string) => byCode.get(code)?.name ?? code;
      const current = periods.filter((p) => p.untilQuarter === null).map((p) => p.gemeenteCode);
      const facts = accessFacts(region, current, byCode);
      return {
        ...region,
        gemeenten: current.map((code) => ({ code, name: nameOf(code), provincieCode: byCode.get(code)?.provincieCode ?? '' })),
        history: periods.map((p) => ({ ...p, gemeenteName: nameOf(p.gemeenteCode) })),
        members: members.filter((m) => canSeeOrganisation(principal, m)).map(({ synthetic: _s, ...m }) => m),
        secretaries: secretaries
          .filter((s) => withinDemoScope(principal, { synthetic: s.isDemo }))
          .map((s) => ({ userId: s.userId, name: s.name, email: canSeeSecretaryContact(principal, s) ? s.email : null })),
        closedQuarters,
        currentQuarter: currentQuarter(),
        permissions: {
          maySetUp: canSetUpRegion(principal, facts),
          mayManageMembers: canManageRegionMembers(principal, facts),
        },
      };
    },

    /** Create a region covering gemeenten from a quarter (default: the current quarter). */
    async create(principal: Principal, input: RegionCreateInput) {
      requireMaySetUpRegions(principal);
      const fromQuarter = input.fromQuarter ?? currentQuarter();
      return db.transaction(async (tx) => {
        const ctx = await context(tx);
        const issues = newRegionProblems(
          { ...input, fromQuarter },
          { regions: ctx.facts, knownGemeenten: new Set(ctx.gemeenten.keys()), currentQuarter: currentQuarter() },
        );
        if (issues.length > 0) throw new ValidationError(issues);
        const id = newRegionId(input.kind, input.name);
        const synthetic = createsSynthetic(principal);
        requireMaySetUpRegion(principal, accessFacts({ id, synthetic }, input.gemeenteCodes, ctx.gemeenten));
        const name = input.name.trim();
        await regions.insert(tx, { id, kind: input.kind, name, synthetic });
        const facts: RegionFacts = { id, kind: input.kind, name, ended: false, lastClosedQuarter: null };
        const coverage = await changeCoverage(
          tx,
          principal,
          facts,
          { ...ctx, facts: [...ctx.facts, facts] },
          {
            gemeenteCodes: input.gemeenteCodes,
            fromQuarter: fromQuarter as Kwartaal,
            moveFromOtherTables: input.moveFromOtherTables ?? false,
          },
        );
        await record(tx, principal, id, 'tafel aangemaakt', diffFields({}, { kind: input.kind, name, gemeenteCodes: coverage.after, fromQuarter }));
        return mustGet(tx, id);
      });
    },

    /** Rename a region with the version last read. */
    async rename(principal: Principal, id: string, input: { name: string; version: number }) {
      requireMaySetUpRegions(principal);
      return db.transaction(async (tx) => {
        const region = await mustGet(tx, id, true);
        const ctx = await context(tx);
        const current = ctx.openPeriods.filter((p) => p.regionId === id).map((p) => p.gemeenteCode);
        requireMaySetUpRegion(principal, accessFacts(region, current, ctx.gemeenten));
        requireVersion(region, input.version);
        const issues = regionNameProblems(input.name, ctx.facts, id);
        if (issues.length > 0) throw new ValidationError(issues);
        const name = input.name.trim();
        await regions.update(tx, id, { name, endedOn: region.endedOn }, input.version);
        await record(tx, principal, id, 'tafel hernoemd', diffFields({ name: region.name }, { name }));
        return mustGet(tx, id);
      });
    },

    /** Stop a table on a date: it keeps its history and coverage, but opens no new round. */
    async end(principal: Principal, id: string, input: { endedOn: string; version: number }) {
      requireMaySetUpRegions(principal);
      return db.transaction(async (tx) => {
        const region = await mustGet(tx, id, true);
        const ctx = await context(tx);
        const current = ctx.openPeriods.filter((p) => p.regionId === id).map((p) => p.gemeenteCode);
        requireMaySetUpRegion(principal, accessFacts(region, current, ctx.gemeenten));
        requireVersion(region, input.version);
        const facts = ctx.facts.find((f) => f.id === id)!;
        const issues = endProblems(facts);
        if (issues.length > 0) throw new ValidationError(issues);
        await regions.update(tx, id, { name: region.name, endedOn: input.endedOn }, input.version);
        await record(tx, principal, id, 'tafel gestopt', diffFields({ endedOn: null }, { endedOn: input.endedOn }));
        return mustGet(tx, id);
      });
    },

    /** Let the region cover exactly these gemeenten from a quarter (dated; moves from other tables only when asked). */
    async changeGemeenten(principal: Principal, id: string, input: CoverageChangeInput) {
      requireMaySetUpRegions(principal);
      return db.transaction(async (tx) => {
        const region = await mustGet(tx, id, true);
        const ctx = await context(tx);
        const current = ctx.openPeriods.filter((p) => p.regionId === id).map((p) => p.gemeenteCode);
        const known = new Set(ctx.gemeenten.keys());
        const issues = coverageInputProblems(input.gemeenteCodes, input.fromQuarter, known, currentQuarter());
        if (issues.length > 0) throw new ValidationError(issues);
        requireMaySetUpRegion(principal, accessFacts(region, [...current, ...input.gemeenteCodes], ctx.gemeenten));
        requireVersion(region, input.version);
        const facts = ctx.facts.find((f) => f.id === id)!;
        if (facts.ended) {
          throw new ValidationError([
            { path: 'gemeenteCodes', code: 'table_ended', message: `‘${region.name}’ is gestopt; de gemeenten veranderen niet meer.` },
          ]);
        }
        const coverage = await changeCoverage(tx, principal, facts, ctx, {
          gemeenteCodes: input.gemeenteCodes,
          fromQuarter: input.fromQuarter as Kwartaal,
          moveFromOtherTables: input.moveFromOtherTables ?? false,
        });
        if (!(await regions.touch(tx, id, input.version))) requireVersion(await mustGet(tx, id), input.version);
        await record(
          tx,
          principal,
          id,
          `gemeenten gewijzigd vanaf ${input.fromQuarter}`,
          diffFields({ gemeenteCodes: coverage.before }, { gemeenteCodes: coverage.after }),
        );
        return mustGet(tx, id);
      });
    },

    /** Add a member organisation to a table (today). */
    async addMember(principal: Principal, id: string, organisationId: string) {
      return db.transaction(async (tx) => {
        const { region, org } = await lockForMemberChange(tx, principal, id, organisationId);
        if (!org || !canSeeOrganisation(principal, org)) {
          throw new ValidationError([
            { path: 'organisationId', code: 'unknown_organisation', message: 'Deze organisatie staat niet in het register.' },
          ]);
        }
        if (!(await regions.addMember(tx, id, organisationId, today()))) {
          throw new DuplicateError([{ path: 'organisationId', code: 'duplicate', message: `${org.name} neemt al deel aan ‘${region.name}’.` }]);
        }
        await record(tx, principal, id, 'deelnemer toegevoegd', [{ field: `organisations.${organisationId}`, old: null, new: org.name }]);
      });
    },

    /** End an organisation's membership of a table (today); its earlier membership stays in the history. */
    async removeMember(principal: Principal, id: string, organisationId: string) {
      return db.transaction(async (tx) => {
        const { org } = await lockForMemberChange(tx, principal, id, organisationId);
        if (!org || !(await regions.removeMember(tx, id, organisationId, today()))) throw new NotFoundError('Deelnemer', organisationId);
        await record(tx, principal, id, 'deelnemer verwijderd', [{ field: `organisations.${organisationId}`, old: org.name, new: null }]);
      });
    },
  };
}

export type RegionAdminService = ReturnType<typeof createRegionAdminService>;
