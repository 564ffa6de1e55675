/**
 * The NLGov REST API Design Rules (Logius) core rules that the server and its OpenAPI document must meet,
 * applied generically so every route, including new ones, is covered without per-route work:
 * - /core/version-header: every response carries `API-Version` with the full version; the document
 *   declares it on every 2xx/3xx response;
 * - /core/error-handling/problem-details: every 4xx/5xx is documented as `application/problem+json`
 *   with the one shared Problem schema (status, title, detail);
 * - /core/error-handling/invalid-input: every GET/DELETE with parameters and every PUT/POST/PATCH documents 400;
 * - /core/uri-version: the server URL holds the major version (paths are relative to it);
 * - /core/date-time: a nullable date or date-time keeps its `format` on the schema itself
 *   (`type: [string, null]`, not `anyOf`), where linters look for it.
 * Shared schemas: a zod schema with `.meta({ id: 'Name' })` (src/http/schemas) is one component, `#/components/schemas/Name`
 * where it is sent in a response and `NameInput` where it is read from a request (fastify-type-provider-zod: inputs may omit
 * fields with a default). Only the components that the paths use stay in the document.
 * `npm run lint:api` checks the committed document against api-rules/adr-core.spectral.yaml.
 */
import { STATUS_CODES } from 'node:http';
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** The full API version (semantic versioning): `info.version` and the `API-Version` header. The URI carries its major. */
export const API_VERSION = '1.0.0';
export const API_VERSION_HEADER = 'API-Version';
export const API_MAJOR_VERSION = Number(API_VERSION.split('.')[0]);

/** Who integrators contact about the API (`info.contact`; set per deployment, see README). */
export interface ApiContact {
  name: string;
  email: string;
  url: string;
}

/**
 * Defaults in the project's own namespace (the one its problem types use, src/http/problem.ts). A deployment sets its
 * real contact with API_CONTACT_EMAIL and API_CONTACT_URL (src/config.ts).
 */
export const DEFAULT_API_CONTACT: Readonly<ApiContact> = Object.freeze({
  name: 'Woningbouwmonitor',
  email: 'api@woningbouwmonitor.nl',
  url: 'https://woningbouwmonitor.nl',
});

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** Name of the shared problem schema in `components.schemas` (registered by `Problem` in schemas/common.ts). */
export const PROBLEM_SCHEMA_NAME = 'Problem';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Every response, also errors and 404s, carries the full version (/core/version-header). */
export function registerApiVersionHeader(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header(API_VERSION_HEADER, API_VERSION);
    return payload;
  });
}

/** Route transform: zod → JSON Schema, and only routes under the API prefix appear (paths are relative to the server URL). */
export function apiDesignTransform(apiPrefix: string): SwaggerTransform {
  return (input) => {
    const out = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
    if (input.url !== apiPrefix && !input.url.startsWith(`${apiPrefix}/`)) return { schema: { ...out.schema, hide: true }, url: out.url };
    return out;
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const problemRef = (): Json => ({ $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` });

/** Document transform: the shared components from the zod registry, then the design rules on every operation. */
export function apiDesignTransformObject(): SwaggerTransformObject {
  return (documentObject) => {
    const doc = jsonSchemaTransformObject(documentObject) as Json;
    applyApiDesignRules(doc);
    dropUnusedSchemas(doc);
    return doc as ReturnType<SwaggerTransformObject>;
  };
}

/** Rewrite an OpenAPI 3 document in place so that it meets the core rules listed at the top of this file. */
export function applyApiDesignRules(doc: Json): Json {
  const components = (isObject(doc.components) ? doc.components : (doc.components = {})) as Json;
  const schemas = (isObject(components.schemas) ? components.schemas : (components.schemas = {})) as Json;
  if (!isObject(schemas[PROBLEM_SCHEMA_NAME]))
    throw new Error(`components.schemas.${PROBLEM_SCHEMA_NAME} is missing: register the Problem zod schema with id "${PROBLEM_SCHEMA_NAME}".`);
  const headers = (isObject(components.headers) ? components.headers : (components.headers = {})) as Json;
  headers[API_VERSION_HEADER] = {
    description: 'Full version of the API (semantic versioning); the URI carries only the major version.',
    schema: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+' },
    example: API_VERSION,
  };

  collapseNullableScalars(doc);

  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const pathItem of Object.values(paths)) {
    if (!isObject(pathItem)) continue;
    const pathParameters = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const responses = (isObject(operation.responses) ? operation.responses : (operation.responses = {})) as Json;
      const parameters = [...pathParameters, ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
      const takesInput =
        method === 'put' || method === 'post' || method === 'patch' || ((method === 'get' || method === 'delete') && parameters.length > 0);
      if (takesInput && !responses['400']) responses['400'] = { description: STATUS_CODES[400] };

      for (const [code, response] of Object.entries(responses)) {
        if (!isObject(response)) continue;
        if (response.description === 'Default Response' && STATUS_CODES[Number(code)]) response.description = STATUS_CODES[Number(code)];
        if (/^[23]\d\d$/.test(code)) {
          response.headers = {
            ...(isObject(response.headers) ? response.headers : {}),
            [API_VERSION_HEADER]: { $ref: `#/components/headers/${API_VERSION_HEADER}` },
          };
        } else if (/^[45]\d\d$/.test(code)) {
          response.content = { [PROBLEM_MEDIA_TYPE]: { schema: problemSchemaOf(response.content) } };
        }
      }
    }
  }
  return doc;
}

const SCHEMA_REF = '#/components/schemas/';

/**
 * The registry yields every component twice (`Name` for responses, `NameInput` for requests); keep only those that the
 * paths reach, directly or through other components, in the registry's order.
 */
export function dropUnusedSchemas(doc: Json): void {
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (isObject(node)) {
      const ref = node.$ref;
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF)) {
        const name = ref.slice(SCHEMA_REF.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      }
      for (const [key, value] of Object.entries(node)) if (key !== '$ref') visit(value);
    }
  };
  visit(doc.paths);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * zod writes `x.nullable()` of a described scalar as `anyOf: [{ type, format, … }, { type: 'null' }]`. Write it as the
 * equivalent `{ type: [type, 'null'], format, … }` (OpenAPI 3.1), so `format: date` / `date-time` is on the field itself.
 * Left alone: enums and constants (null would need adding to them), references and nested combinations.
 */
function collapseNullableScalars(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) collapseNullableScalars(item);
    return;
  }
  if (!isObject(node)) return;
  for (const value of Object.values(node)) collapseNullableScalars(value);
  const anyOf = node.anyOf;
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return;
  const nullIndex = anyOf.findIndex((s) => isObject(s) && s.type === 'null' && Object.keys(s).length === 1);
  const scalar = anyOf[1 - nullIndex];
  if (nullIndex < 0 || !isObject(scalar) || typeof scalar.type !== 'string' || !SCALAR_TYPES.has(scalar.type)) return;
  if (['$ref', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not'].some((k) => k in scalar)) return;
  const { anyOf: _anyOf, ...outer } = node;
  for (const key of Object.keys(node)) delete node[key];
  Object.assign(node, scalar, outer, { type: [scalar.type, 'null'] });
}

/** The schema an error response documents, as problem+json: the route's own schema, or the shared Problem. */
function problemSchemaOf(content: unknown): Json {
  if (!isObject(content)) return problemRef();
  const media = content[PROBLEM_MEDIA_TYPE] ?? content['application/json'] ?? Object.values(content)[0];
  return isObject(media) && isObject(media.schema) ? media.schema : problemRef();
}
