/** /api/v1/users: people management (issue 11 items 3 and 5; SPEC §1, §7). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PEOPLE_MANAGER_ROLES } from '../../domain/access.ts';
import type { UserAdminService } from '../../services/user-admin.service.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import { Account, AccountList, AccountRoleScopeChange } from '../schemas/users.schemas.ts';

const WHO_MANAGES =
  'Administrators manage every account (a demo administrator demo accounts only); a province analyst the people working in the ' +
  "province (gemeente project leaders, table secretaries, market party editors of member organisations), a table secretary their table's " +
  "gemeente project leaders and member organisations' editors. Accounts outside the area answer 404; a role or scope the caller could " +
  'not invite to: 403. Nobody changes their own role or deactivates their own account (422).';

export function userRoutes(deps: { users: UserAdminService }): FastifyPluginAsyncZod {
  const { users } = deps;
  const params = z.object({ userId: Uuid });
  return async (app) => {
    app.get('/users', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: 'All accounts: name, e-mail, role, scope, deactivated or not, created, last sign-in, demo flag (never a secret)',
        description: WHO_MANAGES,
        response: { 200: AccountList, 401: Problem, 403: Problem },
      },
      handler: async (req) => ({ items: await users.list(req.principal) }),
    });

    app.patch('/users/:userId', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: "Change a person's role and scope; send the version last read (stale: 409, nothing changes); recorded in the audit trail",
        description:
          `${WHO_MANAGES} The scope is given whole and must fit the role: a gemeente_editor needs gemeenteCode, a tafel_secretaris regionId, ` +
          'a provincie_analist provincieCode, a marktpartij_editor organisationId (422 with the field path otherwise). ' +
          'Nobody changes their own role (422).',
        params,
        body: AccountRoleScopeChange,
        response: { 200: Account, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem },
      },
      handler: async (req) => users.changeRoleScope(req.principal, req.params.userId, req.body, req.via),
    });

    app.post('/users/:userId/deactivate', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: 'Deactivate an account: it can no longer sign in, and all its sessions and API tokens end at once; recorded in the audit trail',
        description: `${WHO_MANAGES} Deactivating a deactivated account changes nothing.`,
        params,
        response: { 200: Account, 401: Problem, 403: Problem, 404: Problem, 422: Problem },
      },
      handler: async (req) => users.deactivate(req.principal, req.params.userId, req.via),
    });

    app.post('/users/:userId/reactivate', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: 'Reactivate an account: it can sign in again (ended sessions and revoked API tokens stay ended); recorded in the audit trail',
        description: WHO_MANAGES,
        params,
        response: { 200: Account, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req) => users.reactivate(req.principal, req.params.userId, req.via),
    });
  };
}
