/**
 * `wbm user add --email E --name N --role R [--gemeente GM…] [--region ID] [--provincie PV…] [--organisation UUID]`:
 * create an account; its password comes from WBM_PASSWORD (none: OIDC sign-in only).
 */
import type { Config } from '../../config.ts';
import { ROLES, type Role } from '../../domain/access.ts';
import { gemeenteOrganisationId } from '../../domain/identifiers.ts';
import { createServices } from '../../services/container.ts';
import { openReadyDatabase } from '../../services/database.service.ts';
import { log } from '../log.ts';
import type { Flags } from '../options.ts';

export async function userAddCommand(config: Config, flags: Flags): Promise<number> {
  if (!flags.email || !flags.name || !flags.role) throw new Error('wbm user add needs --email, --name and --role');
  if (!(ROLES as readonly string[]).includes(flags.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const db = await openReadyDatabase(config, log);
  const principal = await createServices(db).auth.createUser({
    email: flags.email,
    name: flags.name,
    role: flags.role as Role,
    password: config.newAccountPassword,
    gemeenteCode: flags.gemeente ?? null,
    regionId: flags.region ?? null,
    provincieCode: flags.provincie ?? null,
    organisationId: flags.organisation ?? (flags.gemeente ? gemeenteOrganisationId(flags.gemeente) : null),
  });
  log(`account created: ${principal.name} (${principal.role}), id ${principal.userId}`);
  await db.close();
  return 0;
}
