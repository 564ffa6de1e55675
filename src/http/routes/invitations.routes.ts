/**
 * /api/v1/invitations: inviting people by e-mail (issue 11 item 3) by administrators, province analysts and table
 * secretaries, each within their area (src/domain/access.ts canAssignRoleScope; the service asks access first).
 * Opening and accepting a link is public: /auth/invitations/{token} in auth.routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PEOPLE_MANAGER_ROLES } from '../../domain/access.ts';
import type { InvitationService } from '../../services/invitation.service.ts';
import { Problem, Uuid } from '../schemas/common.ts';
import { Invitation, InvitationChoices, InvitationCreate, InvitationCreated, InvitationList } from '../schemas/invitations.schemas.ts';

const WHO =
  'Administrators invite to any role; a province analyst a gemeente project leader (gemeente in the province), a table secretary ' +
  '(table in the province) or a market party editor (organisation member of a table in the province); a table secretary a gemeente ' +
  "project leader or a market party editor of their own table's gemeenten and member organisations (else 403).";

export function invitationRoutes(deps: { invitations: InvitationService }): FastifyPluginAsyncZod {
  const { invitations } = deps;
  return async (app) => {
    app.post('/invitations', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: 'Invite someone by e-mail to an account with this role and scope; the one-time link works 7 days; recorded in the audit trail',
        description:
          `${WHO} The scope must fit the role (422 with the field path). An e-mail address that has an account already: 409 on 'email'. ` +
          'With mail set up (SMTP_URL) the link is mailed (mailSent: true); otherwise the link comes back in the answer, for the inviter to pass on.',
        body: InvitationCreate,
        response: { 201: InvitationCreated, 400: Problem, 401: Problem, 403: Problem, 409: Problem, 422: Problem },
      },
      handler: async (req, reply) => {
        const created = await invitations.create(req.principal, req.body, req.via, `${req.protocol}://${req.host}`);
        return reply.code(201).send(created);
      },
    });

    app.get('/invitations', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: 'Open invitations (not used, withdrawn or expired) the caller may manage',
        description: WHO,
        response: { 200: InvitationList, 401: Problem, 403: Problem },
      },
      handler: async (req) => ({ items: await invitations.list(req.principal) }),
    });

    app.get('/invitations/choices', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: 'The roles the caller may invite people to (or give them), each with the scopes they may choose',
        description: WHO,
        response: { 200: InvitationChoices, 401: Problem, 403: Problem },
      },
      handler: async (req) => invitations.choices(req.principal),
    });

    app.post('/invitations/:invitationId/revoke', {
      config: { access: PEOPLE_MANAGER_ROLES },
      schema: {
        tags: ['users'],
        summary: 'Withdraw an open invitation: its link stops working; recorded in the audit trail',
        description: `${WHO} An invitation outside the caller's area answers 404, as an unknown one.`,
        params: z.object({ invitationId: Uuid }),
        response: { 200: Invitation, 401: Problem, 403: Problem, 404: Problem },
      },
      handler: async (req) => invitations.revoke(req.principal, req.params.invitationId, req.via),
    });
  };
}
