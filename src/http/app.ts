/** The HTTP application as a function (no listen), so tests use `app.inject()`. */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/container.ts';
import { registerProblemHandler } from './problem.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { projectRoutes } from './routes/projects.routes.ts';
import { referenceRoutes } from './routes/reference.routes.ts';
import { roundRoutes } from './routes/rounds.routes.ts';
import { webRoutes } from './routes/web.routes.ts';

export interface AppOptions {
  services: Services;
  logger?: boolean | { level: string };
}

export const API_PREFIX = '/api/v1';

export async function buildApp({ services, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 5 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Woningbouwmonitor API',
        version: '1.0.0',
        description:
          'Publiek Private Monitor of Dutch housing projects. Errors are application/problem+json (RFC 9457) naming each offending field. ' +
          'Every change carries the version last read; a stale version gets 409 and changes nothing.',
      },
      servers: [{ url: '/' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: `${API_PREFIX}/docs` });

  await app.register(
    async (api) => {
      api.withTypeProvider<ZodTypeProvider>().get('/health', {
        schema: {
          tags: ['system'],
          summary: 'Liveness and database check',
          response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), projects: z.number().int() }) },
        },
        handler: async () => ({
          status: 'ok' as const,
          database: services.db.kind,
          projects: await services.repositories.projects.count(services.db),
        }),
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(projectRoutes(services));
      await api.register(referenceRoutes(services));
      await api.register(roundRoutes(services));
      await api.register(dashboardRoutes(services));
    },
    { prefix: API_PREFIX },
  );
  await app.register(webRoutes());
  return app;
}
