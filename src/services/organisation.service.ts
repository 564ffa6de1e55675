/**
 * The organisations register (issue 11 item 2; SPEC §2 "Organisation", §7): register a market party,
 * corporation or other non-public organisation with its KvK number, and correct it later with optimistic
 * locking. Gemeenten, provinces, the state and water boards come from the reference lists.
 *
 * Access: every method takes the principal and asks src/domain/access.ts first (requireMayRegisterOrganisations,
 * requireMayChangeOrganisation). What a demo role registers is synthetic demo data (createsSynthetic).
 * Every change goes into the audit trail.
 */
import { randomUUID } from 'node:crypto';
import {
  createsSynthetic,
  requireMayChangeOrganisation,
  requireMayMergeOrganisations,
  requireMayRegisterOrganisations,
  requireMaySeeOrganisation,
  withinDemoScope,
  type Principal,
} from '../domain/access.ts';
import { diffFields } from '../domain/audit.ts';
import { ConflictError, DuplicateError, NotFoundError, ValidationError } from '../domain/errors.ts';
import {
  asMergeCandidate,
  KVK_NUMBER_PATTERN,
  mergeProblems,
  type MergeCounts,
  type OrganisationCreate,
  type OrganisationPatch,
  type RegisteredOrganisation,
} from '../domain/organisation.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { OrganisationMergeRepository } from '../storage/organisation-merge.repository.ts';
import type { OrganisationFields, OrganisationRepository } from '../storage/organisation.repository.ts';

const fieldsOf = (o: OrganisationFields): OrganisationFields => ({ name: o.name, type: o.type, kvkNumber: o.kvkNumber, website: o.website });

/** A database refusal because a unique value (the KvK number) is taken already. */
const isUniqueViolation = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

export function createOrganisationService(deps: {
  db: Db;
  organisations: OrganisationRepository;
  merges: OrganisationMergeRepository;
  audit: AuditRepository;
}) {
  const { db, organisations, merges, audit } = deps;

  async function record(q: Queryable, id: string, before: OrganisationFields | null, after: OrganisationFields, actor: Principal): Promise<void> {
    await audit.append(q, [
      {
        actorUserId: actor.userId,
        actorName: actor.name,
        via: actor.kind === 'token' ? 'api' : 'ui',
        entityType: 'organisatie',
        entityId: id,
        action: before ? 'organisatie gewijzigd' : 'organisatie geregistreerd',
        changes: diffFields(before ?? {}, after),
      },
    ]);
  }

  /** 409 (at kvkNumber) when another organisation has this KvK number; it is named, unless the caller may not see it (demo scope). */
  async function requireFreeKvkNumber(q: Queryable, kvkNumber: string | null, ownId: string | null, actor: Principal): Promise<void> {
    if (kvkNumber === null) return;
    if (!KVK_NUMBER_PATTERN.test(kvkNumber)) {
      throw new ValidationError([{ path: 'kvkNumber', code: 'invalid_kvk', message: 'Een KvK-nummer bestaat uit precies 8 cijfers.' }]);
    }
    const existing = await organisations.byKvkNumber(q, kvkNumber);
    if (!existing || existing.id === ownId) return;
    const message = withinDemoScope(actor, existing)
      ? `KvK-nummer ${kvkNumber} is al geregistreerd voor ‘${existing.name}’ (id ${existing.id}). Gebruik die organisatie of pas het nummer aan.`
      : `KvK-nummer ${kvkNumber} is al geregistreerd voor een andere organisatie.`;
    throw new DuplicateError([{ path: 'kvkNumber', code: 'duplicate', message }]);
  }

  const stale = (org: RegisteredOrganisation) =>
    new ConflictError(
      `Iemand anders heeft ‘${org.name}’ intussen gewijzigd (nu versie ${org.version}). Laad de organisaties opnieuw en probeer het nog eens.`,
      org.version,
    );

  /** Both organisations of a merge, after access and the pair rule (src/domain/organisation.ts mergeProblems). */
  async function mergePair(q: Queryable, id: string, intoId: string, actor: Principal) {
    const duplicate = await organisations.get(q, id);
    const kept = await organisations.get(q, intoId);
    requireMayMergeOrganisations(actor, duplicate, kept, { duplicate: id, kept: intoId });
    const problems = mergeProblems(asMergeCandidate(duplicate), asMergeCandidate(kept!));
    if (problems.length > 0) throw new ValidationError(problems);
    return { duplicate, kept: kept! };
  }

  async function mustGet(q: Queryable, id: string): Promise<RegisteredOrganisation> {
    const org = await organisations.get(q, id);
    if (!org) throw new NotFoundError('Organisatie', id);
    return org;
  }

  /** Run a write; a KvK number taken meanwhile by someone else (unique index) answers as the check would have. */
  async function write<T>(kvkNumber: string | null, id: string, actor: Principal, run: (tx: Queryable) => Promise<T>): Promise<T> {
    try {
      return await db.transaction(run);
    } catch (e) {
      if (isUniqueViolation(e)) await requireFreeKvkNumber(db, kvkNumber, id, actor);
      throw e;
    }
  }

  return {
    /** One organisation; a merged duplicate names the organisation it went into. */
    async get(id: string, actor: Principal): Promise<RegisteredOrganisation> {
      const org = await organisations.get(db, id);
      requireMaySeeOrganisation(actor, org, id);
      return org;
    },

    /** What would move when `id` is merged into `intoId` (for the confirmation screen); nothing changes. */
    async mergePreview(id: string, intoId: string, actor: Principal) {
      const { duplicate, kept } = await mergePair(db, id, intoId, actor);
      return { organisation: duplicate, into: kept, counts: await merges.counts(db, id) };
    },

    /**
     * Merge the duplicate `id` into `intoId` with the versions last read of both (stale: 409, nothing changes):
     * every reference moves in one transaction, the duplicate stays marked, and both get an audit entry with the counts.
     */
    async merge(id: string, input: { intoOrganisationId: string; version: number; intoVersion: number }, actor: Principal) {
      return db.transaction(async (tx) => {
        await merges.lock(tx, [id, input.intoOrganisationId]);
        const { duplicate, kept } = await mergePair(tx, id, input.intoOrganisationId, actor);
        if (duplicate.version !== input.version) throw stale(duplicate);
        if (kept.version !== input.intoVersion) throw stale(kept);
        const counts: MergeCounts = await merges.counts(tx, id);
        await merges.moveReferences(tx, id, kept.id);
        await merges.markMerged(tx, id, kept.id);
        const moved = Object.entries(counts).map(([field, n]) => ({ field: `moved.${field}`, old: null, new: n }));
        const entry = {
          actorUserId: actor.userId,
          actorName: actor.name,
          via: actor.kind === 'token' ? 'api' : 'ui',
          entityType: 'organisatie',
        } as const;
        await audit.append(tx, [
          {
            ...entry,
            entityId: id,
            action: 'samengevoegd',
            changes: [{ field: 'mergedInto', old: null, new: { id: kept.id, name: kept.name } }, ...moved],
          },
          {
            ...entry,
            entityId: kept.id,
            action: 'samengevoegd',
            changes: [{ field: 'mergedFrom', old: null, new: { id, name: duplicate.name } }, ...moved],
          },
        ]);
        return { organisation: await mustGet(tx, id), into: await mustGet(tx, kept.id), counts };
      });
    },

    /** Register a market party, corporation or other non-public organisation. */
    async create(input: OrganisationCreate, actor: Principal): Promise<RegisteredOrganisation> {
      requireMayRegisterOrganisations(actor);
      const id = randomUUID();
      const fields: OrganisationFields = {
        name: input.name.trim(),
        type: input.type,
        kvkNumber: input.kvkNumber ?? null,
        website: input.website ?? null,
      };
      return write(fields.kvkNumber, id, actor, async (tx) => {
        await requireFreeKvkNumber(tx, fields.kvkNumber, null, actor);
        await organisations.insert(tx, id, fields, createsSynthetic(actor));
        await record(tx, id, null, fields, actor);
        return mustGet(tx, id);
      });
    },

    /** Rename or correct an organisation when `version` is still current (stale: 409, nothing changes). */
    async update(id: string, version: number, patch: OrganisationPatch, actor: Principal): Promise<RegisteredOrganisation> {
      requireMayRegisterOrganisations(actor);
      return write(patch.kvkNumber ?? null, id, actor, async (tx) => {
        const current = await mustGet(tx, id);
        requireMayChangeOrganisation(actor, current);
        if (current.version !== version) {
          throw new ConflictError(
            `Iemand anders heeft deze organisatie intussen gewijzigd (nu versie ${current.version}). Laad haar opnieuw en voer uw wijziging opnieuw in.`,
            current.version,
          );
        }
        const before = fieldsOf(current);
        const after: OrganisationFields = {
          name: patch.name === undefined ? before.name : patch.name.trim(),
          type: patch.type ?? before.type,
          kvkNumber: patch.kvkNumber === undefined ? before.kvkNumber : patch.kvkNumber,
          website: patch.website === undefined ? before.website : patch.website,
        };
        await requireFreeKvkNumber(tx, after.kvkNumber, id, actor);
        if (!(await organisations.update(tx, id, after, version))) {
          const now = await mustGet(tx, id);
          throw new ConflictError(`Iemand anders heeft deze organisatie intussen gewijzigd (nu versie ${now.version}).`, now.version);
        }
        await record(tx, id, before, after, actor);
        return mustGet(tx, id);
      });
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;
