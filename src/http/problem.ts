/**
 * The one error handler: every error becomes `application/problem+json` (RFC 9457) with `errors[]`
 * naming each offending field. 5xx answers are generic; the full error is logged with the request id.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ConflictError,
  DuplicateError,
  GoneError,
  ForbiddenError,
  NotFoundError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
  type Issue,
} from '../domain/errors.ts';

export const PROBLEM_TYPE_BASE = 'https://woningbouwmonitor.nl/problemen/';

/** `/programme/0/homes` → `programme[0].homes` */
export function toFieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  /** Always present (API Design Rules: status, title and detail; schemas/common.ts Problem requires it). */
  detail: string;
  instance?: string;
  errors?: Issue[];
  currentVersion?: number;
}

function send(reply: FastifyReply, request: FastifyRequest, body: Omit<ProblemBody, 'instance'>) {
  return reply
    .code(body.status)
    .type('application/problem+json')
    .header('x-request-id', request.id)
    .send({ ...body, instance: request.url });
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors: Issue[] = error.validation.map((v) => ({
        path: toFieldPath(v.instancePath) || where,
        code: v.keyword,
        message: v.message ?? 'Ongeldige waarde.',
      }));
      return send(reply, request, {
        type: `${PROBLEM_TYPE_BASE}ongeldige-invoer`,
        title: 'De invoer is niet geldig.',
        status: 400,
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
    if (error instanceof ValidationError) {
      return send(reply, request, {
        type: `${PROBLEM_TYPE_BASE}regel-geschonden`,
        title: 'De gegevens kloppen niet met de regels.',
        status: 422,
        detail: error.message,
        errors: error.issues,
      });
    }
    if (error instanceof UnauthorizedError) {
      return send(reply, request, { type: `${PROBLEM_TYPE_BASE}niet-ingelogd`, title: 'Niet ingelogd.', status: 401, detail: error.message });
    }
    if (error instanceof ForbiddenError) {
      return send(reply, request, { type: `${PROBLEM_TYPE_BASE}geen-toegang`, title: 'Geen toegang.', status: 403, detail: error.message });
    }
    if (error instanceof TooManyRequestsError) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      return send(reply, request, { type: `${PROBLEM_TYPE_BASE}te-veel-verzoeken`, title: 'Te veel verzoeken.', status: 429, detail: error.message });
    }
    if (error instanceof ServiceUnavailableError) {
      const retryAfter = (error as ServiceUnavailableError).retryAfterSeconds;
      if (retryAfter !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
      return send(reply, request, {
        type: `${PROBLEM_TYPE_BASE}niet-beschikbaar`,
        title: 'Tijdelijk niet beschikbaar.',
        status: 503,
        detail: error.message,
      });
    }
    if (error instanceof NotFoundError) {
      return send(reply, request, { type: `${PROBLEM_TYPE_BASE}niet-gevonden`, title: 'Niet gevonden.', status: 404, detail: error.message });
    }
    if (error instanceof GoneError) {
      return send(reply, request, { type: `${PROBLEM_TYPE_BASE}niet-meer-geldig`, title: 'Niet meer geldig.', status: 410, detail: error.message });
    }
    if (error instanceof DuplicateError) {
      return send(reply, request, {
        type: `${PROBLEM_TYPE_BASE}bestaat-al`,
        title: 'Dit bestaat al.',
        status: 409,
        detail: error.message,
        errors: error.issues,
      });
    }
    if (error instanceof ConflictError) {
      return send(reply, request, {
        type: `${PROBLEM_TYPE_BASE}versieconflict`,
        title: 'Iemand anders was u voor.',
        status: 409,
        detail: error.message,
        currentVersion: (error as ConflictError).currentVersion,
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) {
      const detail = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'De invoer is te groot.' : error.message;
      return send(reply, request, { type: `${PROBLEM_TYPE_BASE}verzoek`, title: 'Het verzoek is niet geldig.', status, detail });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, {
      type: `${PROBLEM_TYPE_BASE}serverfout`,
      title: 'Er ging iets mis aan onze kant.',
      status: 500,
      detail: `Meld dit met code ${request.id}.`,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, {
      type: `${PROBLEM_TYPE_BASE}niet-gevonden`,
      title: 'Niet gevonden.',
      status: 404,
      detail: `${request.method} ${request.url} bestaat niet.`,
    }),
  );
}
