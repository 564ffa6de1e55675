/**
 * "Mijn kwartaalronde": for a gemeente or a market party, the open rounds of the tables it takes part in
 * and its own work there — per project its side's state and what needs attention. SPEC §2 "Quarterly
 * round"; `001 § Afspraak 3B`. Confirming goes through the round service (POST /rounds/{id}/confirmations).
 */
import { PARTY_ROLES, requireMayUseMyRound, syntheticDataOnly, type Principal } from '../domain/access.ts';
import { gemeenteOrganisationId } from '../domain/identifiers.ts';
import type { Kwartaal } from '../domain/kwartaal.ts';
import {
  compareMyRoundProjects,
  countMyRound,
  daysUntilDeadline,
  myRoundProject,
  type MyRoundAttention,
  type MyRoundCounts,
  type MyRoundState,
} from '../domain/my-round.ts';
import { deliverySideOf, type DeliverySide } from '../domain/round.ts';
import type { Db } from '../storage/db.ts';
import type { MyRoundRepository, MyRoundWho } from '../storage/my-round.repository.ts';
import { todayInNetherlands } from './today.ts';

export interface MyRoundProject {
  id: string;
  name: string;
  gemeenteCode: string;
  gemeenteName: string;
  version: number;
  state: MyRoundState;
  /** When the side was delivered: its latest edit in the round, or its confirmation. */
  deliveredAt: string | null;
  attention: MyRoundAttention;
}

export interface MyRound {
  id: string;
  regionId: string;
  regionName: string;
  quarter: Kwartaal;
  deadline: string;
  /** Whole days until the deadline as of `asOf`: 0 on the day itself, negative once passed. */
  daysLeft: number;
  counts: MyRoundCounts;
  /** Te doen first, then bijgewerkt, then bevestigd; by name within each. */
  projects: MyRoundProject[];
}

export interface MyRounds {
  /** The day the states and "let op" facts are as of (today in the Netherlands). */
  asOf: string;
  organisation: { id: string; name: string; side: DeliverySide };
  rounds: MyRound[];
}

export interface MyRoundServiceDeps {
  db: Db;
  myRounds: MyRoundRepository;
  /** Today's date (YYYY-MM-DD); default: the clock, in the Netherlands. */
  today?: () => string;
}

export function createMyRoundService(deps: MyRoundServiceDeps) {
  const { db, myRounds } = deps;
  const today = deps.today ?? (() => todayInNetherlands());

  return {
    /** The caller's open rounds with its own projects; 403 for those who deliver for no gemeente or market party. */
    async list(principal: Principal): Promise<MyRounds> {
      const { organisationId, ownGemeenteCode, ownPartyOrganisationId } = requireMayUseMyRound(principal, gemeenteOrganisationId);
      const who: MyRoundWho = {
        organisationId,
        gemeenteCode: ownGemeenteCode,
        partyOrganisationId: ownPartyOrganisationId,
        syntheticOnly: syntheticDataOnly(principal),
        partyRoles: PARTY_ROLES,
      };
      const asOf = today();
      const organisation = await myRounds.organisation(db, organisationId);
      // The side follows from the organisation's type (a gemeente answers for the public side); a gemeente
      // editor whose organisation row is missing still delivers for the gemeente.
      const side = deliverySideOf(organisation?.type ?? (ownGemeenteCode ? 'gemeente' : 'marktpartij'));
      const rounds = await myRounds.openRounds(db, who);
      const rows = await myRounds.projects(
        db,
        rounds.map((r) => r.id),
        who,
      );
      const byRound = new Map<string, MyRoundProject[]>(rounds.map((r) => [r.id, []]));
      for (const row of rows) {
        const { state, deliveredAt, attention } = myRoundProject(row, side, asOf);
        byRound.get(row.roundId)?.push({
          id: row.id,
          name: row.name,
          gemeenteCode: row.gemeenteCode,
          gemeenteName: row.gemeenteName,
          version: row.version,
          state,
          deliveredAt,
          attention,
        });
      }
      return {
        asOf,
        organisation: { id: organisationId, name: organisation?.name ?? 'Uw organisatie', side },
        rounds: rounds.map((r) => {
          const projects = byRound.get(r.id)!.sort(compareMyRoundProjects);
          return { ...r, daysLeft: daysUntilDeadline(r.deadline, asOf), counts: countMyRound(projects), projects };
        }),
      };
    },
  };
}

export type MyRoundService = ReturnType<typeof createMyRoundService>;
