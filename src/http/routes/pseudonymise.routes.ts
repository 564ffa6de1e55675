/** POST /api/v1/users/{userId}/pseudonymise: remove a person's data when they leave (issue 11 item 3; SPEC §7). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ROLES } from '../../domain/access.ts';
import type { PseudonymiseService } from '../../services/pseudonymise.service.ts';
import { IsoDateTime, Problem, Uuid } from '../schemas/common.ts';

const Pseudonymised = z
  .object({
    id: Uuid,
    name: z.string().describe('The pseudonym: "Voormalig gebruiker" and the first 8 characters of the id'),
    email: z.string().describe('verwijderd-<id>@invalid (unique, never delivered)'),
    pseudonymisedAt: IsoDateTime,
    removed: z.object({
      auditEntriesRewritten: z
        .number()
        .int()
        .describe('Audit entries whose name or e-mail values were replaced (who did what stays: the account id)'),
      sessionsEnded: z.number().int(),
      apiTokensDeleted: z.number().int(),
      invitationsRevoked: z.number().int().describe('Open invitations to the person’s address'),
    }),
  })
  .meta({ id: 'PseudonymisedAccount' });

export function pseudonymiseRoutes(deps: { pseudonymise: PseudonymiseService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/users/:userId/pseudonymise', {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: ['users'],
        summary: "Remove a person's data when they leave (irreversible): the account must be deactivated first (422 otherwise)",
        description:
          'Administrators only (a demo administrator demo accounts only). Name and e-mail address are replaced by a pseudonym in the ' +
          'account, their invitations and the audit trail (actor name of what they did; name/e-mail values of the entries about their ' +
          'account); password hash and OpenID Connect identity are cleared; sessions and API tokens are deleted; open invitations to their ' +
          "address are revoked. The audit trail keeps who did what (the account id) and gets one entry 'gepseudonimiseerd' without the old values.",
        params: z.object({ userId: Uuid }),
        response: { 200: Pseudonymised, 401: Problem, 403: Problem, 404: Problem, 422: Problem },
      },
      handler: async (req) => deps.pseudonymise.pseudonymise(req.principal, req.params.userId, req.via),
    });
  };
}
