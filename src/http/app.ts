/** The HTTP application as a function (no listen), so tests use `app.inject()`. */
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/container.ts';
import {
  API_VERSION,
  API_VERSION_HEADER,
  DEFAULT_API_CONTACT,
  apiDesignTransform,
  apiDesignTransformObject,
  registerApiVersionHeader,
  type ApiContact,
} from './api-design.ts';
import { authPlugin } from './auth.ts';
import { PROBLEM_TYPE_BASE, registerProblemHandler } from './problem.ts';
import { registerTextGuard } from './text-guard.ts';
import { BODY_LIMIT_BYTES, registerJsonDepthLimit } from './request-limits.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { exportRoutes } from './routes/export.routes.ts';
import { planlijstImportRoutes } from './routes/planlijst-import.routes.ts';
import { nationalRoutes } from './routes/national.routes.ts';
import { projectRoutes } from './routes/projects.routes.ts';
import { lifecycleRoutes } from './routes/lifecycle.routes.ts';
import { openBookRoutes } from './routes/open-book.routes.ts';
import { woningbouwimpulsRoutes } from './routes/woningbouwimpuls.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { openDataRoutes } from './routes/open-data.routes.ts';
import { realisatiestimulansRoutes } from './routes/realisatiestimulans.routes.ts';
import { ogcRoutes } from './routes/ogc.routes.ts';
import { organisationRoutes } from './routes/organisations.routes.ts';
import { regionRoutes } from './routes/regions.routes.ts';
import { referenceRoutes } from './routes/reference.routes.ts';
import { roundRoutes } from './routes/rounds.routes.ts';
import { myRoundRoutes } from './routes/my-round.routes.ts';
import { webRoutes } from './routes/web.routes.ts';
import { agendaRoutes } from './routes/agenda.routes.ts';
import { userRoutes } from './routes/users.routes.ts';
import { pseudonymiseRoutes } from './routes/pseudonymise.routes.ts';
import { invitationRoutes } from './routes/invitations.routes.ts';

export interface AppOptions {
  services: Services;
  logger?: boolean | { level: string };
  /** Mark cookies Secure (set when served over HTTPS). */
  secureCookies?: boolean;
  /** Fastify `trustProxy` (TRUST_PROXY): take the client address from the proxy's X-Forwarded-For. */
  trustProxy?: boolean | number | string;
  /** `info.contact` of the OpenAPI document (API_CONTACT_EMAIL, API_CONTACT_URL); unset fields keep the defaults. */
  apiContact?: Partial<ApiContact>;
}

export const API_PREFIX = '/api/v1';

export async function buildApp({
  services,
  logger = false,
  secureCookies = false,
  trustProxy = false,
  apiContact = {},
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // (typed as boolean only to keep Fastify's overloads apart; numbers and address lists are passed as they are)
    trustProxy: trustProxy as boolean,
    bodyLimit: BODY_LIMIT_BYTES,
    // A malformed URL (e.g. %ED%A0%80) is answered before routing, outside the problem handler: answer problem+json too.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      return reply
        .code(status as never)
        .type('application/problem+json')
        .header(API_VERSION_HEADER, API_VERSION) // answered before routing: the onSend hooks do not run
        .send({
          type: `${PROBLEM_TYPE_BASE}verzoek`,
          title: 'Het verzoek is niet geldig.',
          status,
          detail: error.message,
          instance: request.url,
        } as never);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  registerApiVersionHeader(app);
  registerTextGuard(app);
  registerJsonDepthLimit(app);
  registerSecurityHeaders(app);
  // br or gzip when the client accepts it (issue 15 goal 2): a Tafeloverzicht of ~570 KB JSON is sent in a fraction
  // of that. Streams (the CSV and GeoJSON exports) are compressed as they stream; XLSX and PDF are zip/deflate
  // already and their types are not in the compressible list. Brotli at quality 4 (the plugin's default) costs
  // little CPU; bodies under 1 KB are sent as they are.
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Woningbouwmonitor API',
        version: API_VERSION,
        contact: { ...DEFAULT_API_CONTACT, ...apiContact },
        description:
          'Publiek Private Monitor of Dutch housing projects. Errors are application/problem+json (RFC 9457) naming each offending field. ' +
          'Every change carries the version last read; a stale version gets 409 and changes nothing.',
      },
      // API Design Rules /core/uri-version: the base URL holds the major version; paths are relative to it.
      servers: [{ url: API_PREFIX }],
    },
    transform: apiDesignTransform(API_PREFIX),
    transformObject: apiDesignTransformObject(),
  });
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  await app.register(authPlugin, { auth: services.auth, prefix: API_PREFIX, secureCookies });
  await app.register(
    async (api) => {
      api.withTypeProvider<ZodTypeProvider>().get('/health', {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Liveness and database check',
          response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
        },
        // Database liveness only: no project data and no counts for the public (issue 8 item 15).
        handler: async () => {
          await services.db.query('SELECT 1');
          return { status: 'ok' as const, database: services.db.kind };
        },
      });
      // /core/publish-openapi: readable without signing in, also from other origins.
      api.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
        reply.header('access-control-allow-origin', '*');
        return app.swagger();
      });
      await api.register(authRoutes({ auth: services.auth, oidc: services.oidc, invitations: services.invitations, secureCookies }));
      await api.register(projectRoutes(services));
      await api.register(lifecycleRoutes(services));
      await api.register(openBookRoutes(services));
      await api.register(woningbouwimpulsRoutes(services));
      await api.register(userRoutes({ users: services.users }));
      await api.register(pseudonymiseRoutes({ pseudonymise: services.pseudonymise }));
      await api.register(invitationRoutes({ invitations: services.invitations }));
      await api.register(referenceRoutes(services));
      await api.register(organisationRoutes(services));
      await api.register(regionRoutes(services));
      await api.register(roundRoutes(services));
      await api.register(myRoundRoutes(services));
      await api.register(dashboardRoutes(services));
      await api.register(exportRoutes(services));
      await api.register(planlijstImportRoutes(services));
      await api.register(agendaRoutes(services));
      await api.register(nationalRoutes(services));
      await api.register(publicRoutes(services));
      await api.register(openDataRoutes(services));
      await api.register(realisatiestimulansRoutes(services));
      await api.register(ogcRoutes(services));
    },
    { prefix: API_PREFIX },
  );
  await app.register(webRoutes());
  return app;
}
