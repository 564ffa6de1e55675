/** Schemas of people management by administrators (GET/PATCH /api/v1/users, deactivate, reactivate). Never a secret. */
import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';
import { IsoDateTime, Uuid, Version } from './common.ts';

export const Account = z
  .object({
    id: Uuid,
    name: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    organisationId: Uuid.nullable().describe('The organisation the person works for (a gemeente or a market party)'),
    gemeenteCode: z.string().nullable().describe('Projectleider gemeente: the gemeente whose projects they edit'),
    regionId: z.string().nullable().describe('Secretaris versnellingstafel: the table (region id) they run'),
    provincieCode: z.string().nullable().describe('Analist provincie: their province'),
    isDemo: z.boolean().describe('A demo account (demo sign-in, synthetic data only)'),
    disabled: z.boolean().describe('Deactivated: cannot sign in; its sessions and API tokens ended when it was deactivated'),
    createdAt: IsoDateTime,
    lastSignInAt: IsoDateTime.nullable().describe('When the person last signed in; null when not known (before this was kept, or never)'),
    version: z.number().int().describe('Send this version with a change (stale: 409)'),
  })
  .meta({ id: 'Account' });

export const AccountList = z.object({ items: z.array(Account).describe('Sorted by name') }).meta({ id: 'AccountList' });

const ScopeField = z.string().trim().min(1).max(100).nullable().optional();

/** The scope fields of a role, as sent with a change of role or an invitation. */
export const ScopeFields = {
  organisationId: Uuid.nullable().optional().describe('Needed for a marktpartij_editor; for a gemeente_editor it defaults to the gemeente'),
  gemeenteCode: ScopeField.describe('Needed for a gemeente_editor (e.g. GM0363)'),
  regionId: ScopeField.describe('Needed for a tafel_secretaris'),
  provincieCode: ScopeField.describe('Needed for a provincie_analist (e.g. PV27)'),
};

export const AccountRoleScopeChange = z.object({ version: Version, role: z.enum(ROLES), ...ScopeFields }).meta({ id: 'AccountRoleScopeChange' });
