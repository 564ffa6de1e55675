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
