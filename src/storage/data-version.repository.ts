/** The data version (migration 0032): one row, bumped in the same transaction as every write to the data figures are computed from. */
import { queryOne, type Queryable } from './db.ts';

export interface DataVersion {
  /** Increases with every committed write to the data (any table but accounts, sessions, tokens, invitations, audit). */
  version: number;
  /** When the data last changed ("stand per"), ISO 8601. */
  changedAt: string;
}

/** The current data version: one primary-key read of one row. */
export async function readDataVersion(q: Queryable): Promise<DataVersion> {
  const row = await queryOne<{ version: number; changed_at: Date | string }>(q, 'SELECT version, changed_at FROM data_version WHERE id');
  return { version: Number(row.version), changedAt: new Date(row.changed_at).toISOString() };
}
