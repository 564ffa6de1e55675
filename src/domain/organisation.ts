/** Organisations taking part in the PPM. SPEC §2 "Organisation". */
import type { OrganisationType } from './codes.ts';
import type { Issue } from './errors.ts';

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  /** For a gemeente organisation: its CBS code. */
  gemeenteCode: string | null;
  synthetic: boolean;
}

/** An organisation as the register keeps it (migration 0012): with its KvK number, website and version. */
export interface RegisteredOrganisation extends Organisation {
  /** Kamer van Koophandel number, 8 digits; unique when given. */
  kvkNumber: string | null;
  website: string | null;
  /** Optimistic locking: a change must send the version it last read. */
  version: number;
  /** When it was registered in the application; null for organisations from before migration 0012. */
  createdAt: string | null;
  /** The organisation this duplicate went into (migration 0015); null while it takes part itself. */
  mergedInto: { id: string; name: string } | null;
  mergedAt: string | null;
}

/**
 * The types registered in the application (issue 11 item 2): market parties, corporations and the other
 * organisations that are not public bodies. Gemeenten, provinces, the state and water boards are reference
 * data (loaded from the reference lists, never made or renamed here). SPEC §2 "Organisation".
 */
export const REGISTRABLE_ORGANISATION_TYPES = [
  'corporatie',
  'ontwikkelaar',
  'belegger',
  'bouwer',
  'netbeheerder',
  'overig',
] as const satisfies readonly OrganisationType[];
export type RegistrableOrganisationType = (typeof REGISTRABLE_ORGANISATION_TYPES)[number];

/** A KvK number: exactly 8 digits. */
export const KVK_NUMBER_PATTERN = /^[0-9]{8}$/;

/** What may be sent to register an organisation. */
export interface OrganisationCreate {
  name: string;
  type: RegistrableOrganisationType;
  kvkNumber?: string | null;
  website?: string | null;
}

/** What may be corrected: name, KvK number, website, type (among the registrable ones). */
export type OrganisationPatch = Partial<OrganisationCreate>;

// ----- Merging duplicates (issue 11 item 2; migration 0015) -------------------------------------------------

/** Public bodies: reference data. A gemeente merger is a herindeling (src/domain/herindelingen.ts), not a merge here. */
export const PUBLIC_BODY_TYPES = ['gemeente', 'provincie', 'rijk', 'waterschap'] as const satisfies readonly OrganisationType[];

export const isPublicBody = (type: string): boolean => (PUBLIC_BODY_TYPES as readonly string[]).includes(type);

/** What a merge looks at of each organisation. */
export interface MergeCandidate {
  id: string;
  name: string;
  type: string;
  synthetic: boolean;
  /** Set once the organisation went into another one. */
  mergedIntoId: string | null;
}

/** An organisation as listed (with `mergedInto`) as the merge rule sees it. */
export const asMergeCandidate = (o: Omit<MergeCandidate, 'mergedIntoId'> & { mergedInto: { id: string } | null }): MergeCandidate => ({
  id: o.id,
  name: o.name,
  type: o.type,
  synthetic: o.synthetic,
  mergedIntoId: o.mergedInto?.id ?? null,
});

/**
 * May `duplicate` be merged into `kept`? The problems (422, Dutch), none when it may. Both must be registered
 * organisations (not a public body: gemeenten merge by herindeling, from the CBS reference data), different,
 * not merged already, and both demo data or both real (demo data never mixes with real data; SPEC §7).
 */
export function mergeProblems(duplicate: MergeCandidate, kept: MergeCandidate): Issue[] {
  const problems: Issue[] = [];
  const add = (path: string, code: string, message: string) => problems.push({ path, code, message });
  if (duplicate.id === kept.id)
    add('intoOrganisationId', 'same_organisation', 'Kies een andere organisatie: een organisatie gaat niet in zichzelf op.');
  for (const [path, org] of [
    ['id', duplicate],
    ['intoOrganisationId', kept],
  ] as const) {
    if (org.type === 'gemeente') {
      add(
        path,
        'public_body',
        `${org.name} is een gemeente. Gemeenten worden niet samengevoegd op deze pagina: een samenvoeging van gemeenten (herindeling) komt uit de lijst van het CBS.`,
      );
    } else if (isPublicBody(org.type)) {
      add(path, 'public_body', `${org.name} komt uit de referentielijst (provincie, Rijk of waterschap) en kan niet worden samengevoegd.`);
    }
    if (org.mergedIntoId !== null) add(path, 'already_merged', `${org.name} is al samengevoegd met een andere organisatie.`);
  }
  if (duplicate.synthetic !== kept.synthetic) {
    add('intoOrganisationId', 'demo_and_real', 'Een organisatie uit de demonstratiegegevens gaat niet samen met een echte organisatie.');
  }
  return problems;
}

/** What moves from the duplicate to the organisation kept (the preview, and the counts in the audit trail). */
export interface MergeCounts {
  /** Projects the duplicate is a party to. */
  projects: number;
  /** Accounts that work for the duplicate. */
  people: number;
  /** Deliveries and confirmations in open quarterly rounds (closed rounds are frozen and stay as they were). */
  deliveries: number;
  /** Memberships of versnellingstafels and other regions. */
  regions: number;
  /** Invitations for the duplicate. */
  invitations: number;
}
