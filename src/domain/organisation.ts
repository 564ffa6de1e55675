/** Organisations taking part in the PPM. SPEC §2 "Organisation". */
import type { OrganisationType } from './codes.ts';

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
