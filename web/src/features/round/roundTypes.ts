/** Shapes shared by the sections of the open quarter. */
import type { OrganisationDelivery } from '../../api/types.ts';

/** What the confirmation step asks about: one organisation's outstanding projects (its own, or on its behalf). */
export interface Asking {
  organisation: OrganisationDelivery;
  onBehalf: boolean;
}

/** The last confirmation, which can be undone until the quarter closes. */
export interface LastConfirmation {
  batchId: string;
  count: number;
  organisationName: string;
}

export interface ActionMessage {
  type: 'ok' | 'error';
  text: string;
}
