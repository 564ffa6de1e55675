/**
 * Open books of a project (issue 12 item 5): read by its parties and its table's secretary, entered by its parties
 * (src/domain/access.ts canReadOpenBook / canEditOpenBook). Every change goes into the audit trail in the same
 * transaction, with the old and new figures; the trail shows those entries only to readers of the open book
 * (project.service.ts auditTrail, access.ts hiddenAuditEntities). SPEC §1, §2, §7; `001 § Afspraak 3B`.
 */
import { deliveringOrganisation, requireMayEditOpenBook, requireMayReadOpenBook, type Principal, type ProjectFacts } from '../domain/access.ts';
import { diffFields, type Actor } from '../domain/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import { checkOpenBook, deriveOpenBook, OPEN_BOOK_AUDIT_ENTITY, type OpenBookDerived, type OpenBookInput } from '../domain/open-book.ts';
import { dateInNetherlands } from '../domain/plausibility.ts';
import type { AuditRepository } from '../storage/audit.repository.ts';
import type { Db, Queryable } from '../storage/db.ts';
import type { OpenBookRecord, OpenBookRepository } from '../storage/open-book.repository.ts';
import type { ProjectRepository } from '../storage/project.repository.ts';
import type { AccessGuard } from './access.service.ts';

/** The open book as the API shows it: the figures, who entered them and when, and what follows from them. */
export type OpenBookView = Omit<OpenBookRecord, 'enteredByUserId'> & OpenBookDerived;

export interface OpenBookServiceDeps {
  db: Db;
  projects: ProjectRepository;
  openBooks: OpenBookRepository;
  access: AccessGuard;
  audit: AuditRepository;
  /** Today's date (YYYY-MM-DD): a peildatum may not lie after it; default: the clock, in the Netherlands. */
  today?: () => string;
}

const figuresOf = (b: OpenBookInput): OpenBookInput => ({
  totalCostsEuros: b.totalCostsEuros,
  totalRevenuesEuros: b.totalRevenuesEuros,
  publicContributionsEuros: b.publicContributionsEuros,
  peildatum: b.peildatum,
});

function view(record: OpenBookRecord): OpenBookView {
  const { enteredByUserId: _user, ...shown } = record;
  return { ...shown, ...deriveOpenBook(record) };
}

export function createOpenBookService(deps: OpenBookServiceDeps) {
  const { db, projects, openBooks, access, audit } = deps;
  const today = deps.today ?? (() => dateInNetherlands(new Date()));

  /** The project's access facts when the principal may read the project (else 404, as for an unknown id). */
  async function projectFacts(q: Queryable, projectId: string, principal: Principal): Promise<ProjectFacts> {
    const project = await projects.get(q, projectId);
    if (!project) throw new NotFoundError('Project', projectId);
    return access.readableProject(q, principal, project);
  }

  function stale(currentVersion: number): never {
    throw new ConflictError(
      currentVersion === 0
        ? 'Er is nog geen open boek voor dit project. Laad de pagina opnieuw en vul de cijfers in.'
        : `Iemand anders heeft het open boek van dit project intussen bijgewerkt (nu versie ${currentVersion}). Laad de nieuwste cijfers en voer uw wijziging opnieuw in.`,
      currentVersion,
    );
  }

  return {
    /** The current figures, or null when none were entered yet. Only for readers of the open book (403), of a readable project (404). */
    async get(projectId: string, principal: Principal): Promise<OpenBookView | null> {
      const facts = await projectFacts(db, projectId, principal);
      requireMayReadOpenBook(principal, facts);
      const record = await openBooks.get(db, projectId);
      return record ? view(record) : null;
    },

    /**
     * Enter (version 0: the first figures) or change (the version last read) the figures; a stale version changes
     * nothing (409). Wrong figures: 422 with every problem named by field.
     */
    async put(projectId: string, version: number, input: OpenBookInput, actor: Actor): Promise<OpenBookView> {
      const { principal } = actor;
      return db.transaction(async (tx) => {
        const facts = await projectFacts(tx, projectId, principal);
        requireMayEditOpenBook(principal, facts);
        const issues = checkOpenBook(input, today());
        if (issues.length > 0) throw new ValidationError(issues);
        const current = await openBooks.get(tx, projectId, true);
        if ((current?.version ?? 0) !== version) stale(current?.version ?? 0);
        // The party the figures come from: the gemeente (bevoegd gezag) or the market party's own organisation.
        // Never null here: a party (canEditOpenBook) has a gemeente or an organisation.
        const organisationId = deliveringOrganisation(principal, gemeenteOrganisationId);
        if (!organisationId) throw new Error('open book: a party without an organisation');
        const write = { ...figuresOf(input), projectId, enteredByOrganisationId: organisationId, enteredByUserId: principal.userId };
        const written = current ? await openBooks.update(tx, write, version) : await openBooks.insert(tx, write);
        if (!written) stale((await openBooks.get(tx, projectId))?.version ?? 0);
        await audit.append(tx, [
          {
            projectId,
            actorUserId: principal.userId,
            actorName: principal.name,
            via: actor.via,
            entityType: OPEN_BOOK_AUDIT_ENTITY,
            entityId: projectId,
            action: current ? 'open boek bijgewerkt' : 'open boek ingevuld',
            changes: diffFields(current ? figuresOf(current) : {}, figuresOf(input)),
          },
        ]);
        return view((await openBooks.get(tx, projectId))!);
      });
    },
  };
}

export type OpenBookService = ReturnType<typeof createOpenBookService>;
