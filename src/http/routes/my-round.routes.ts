/**
 * "Mijn kwartaalronde" (issue 12 item 1): GET /me/rounds, a gemeente's or market party's own projects in
 * the open quarterly rounds of its tables. SPEC §2 "Quarterly round", `001 § Afspraak 3B`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/container.ts';
import { Problem } from '../schemas/common.ts';
import { MyRounds } from '../schemas/my-round.schemas.ts';

export function myRoundRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/me/rounds', {
      config: { access: 'signed-in' },
      schema: {
        tags: ['rounds'],
        summary:
          "The caller's own projects in every open quarterly round of its tables, each with its side's state and what needs attention (gemeenten and market parties; others get 403)",
        response: { 200: MyRounds, 403: Problem },
      },
      handler: async (req) => services.myRounds.list(req.principal),
    });
  };
}
