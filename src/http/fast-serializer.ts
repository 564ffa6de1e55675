/**
 * A response serializer compiled once from a route's zod schema (issue 15 goal 6): the same JSON text as
 * fastify-type-provider-zod's serializerCompiler — `JSON.stringify(z.encode(schema, data))`, keys in the schema's
 * order, keys the schema does not name left out — without building the encoded copy of every response first
 * (for a 50-project page that copy cost about four times the JSON.stringify itself).
 *
 * What it still checks on every response: each value's JSON type, enum and literal members, integers and number
 * bounds, required keys. What it does not re-check: string formats and refinements (uuid, calendar dates), which
 * the storage layer's typed rows already guarantee. A wrong value still answers 500 (ResponseSerializationError),
 * as with the zod serializer. Only plain data schemas compile (object without catchall, array, string, number,
 * boolean, null, enum, literal, nullable, optional); a schema with transforms, defaults, unions, records or
 * string rewrites (trim, toLowerCase) throws UnsupportedSchemaError, and `fastSerializerCompiler` then keeps the zod
 * serializer for it.
 */
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError, serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

export class UnsupportedSchemaError extends Error {}

/** A value that does not fit the schema; `path` is filled in while the error passes up through the objects and arrays. */
class WrongValue extends Error {
  readonly path: Array<string | number> = [];
}

/** Writes a value as JSON, or throws WrongValue. */
type Writer = (value: unknown) => string;

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const wrong = (message: string): never => {
  throw new WrongValue(message);
};

/** Adds the key or index where a WrongValue was met to its path. */
function at(err: unknown, step: string | number): never {
  if (err instanceof WrongValue) err.path.unshift(step);
  throw err;
}

/** Checks that only validate (they never change the value): skipped for strings and arrays, applied for numbers. */
const VALIDATION_ONLY = new Set(['string_format', 'min_length', 'max_length', 'length_equals', 'custom', 'min_size', 'max_size', 'size_equals']);

function numberCheck(def: Record<string, unknown>): (n: number) => boolean {
  switch (def.check) {
    case 'number_format':
      if (def.format === 'safeint') return Number.isSafeInteger;
      if (def.format === 'int32') return (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
      if (def.format === 'uint32') return (n) => Number.isInteger(n) && n >= 0 && n <= 4294967295;
      if (def.format === 'float64') return Number.isFinite;
      break;
    case 'greater_than': {
      const v = def.value as number;
      return def.inclusive ? (n) => n >= v : (n) => n > v;
    }
    case 'less_than': {
      const v = def.value as number;
      return def.inclusive ? (n) => n <= v : (n) => n < v;
    }
  }
  throw new UnsupportedSchemaError(`number check ${String(def.check)}`);
}

/** Whether the schema lets a value be undefined (an object then leaves the key out, as JSON.stringify does). */
function acceptsUndefined(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'optional') return true;
  return def.type === 'nullable' && acceptsUndefined(def.innerType!);
}

function compile(schema: z.ZodType, seen: Map<z.ZodType, Writer>): Writer {
  const known = seen.get(schema);
  if (known) return known;
  // Recursive schemas: a reference met while building calls the writer once it is built.
  const holder: { write?: Writer } = {};
  seen.set(schema, (value) => holder.write!(value));
  const built = build(schema, seen);
  holder.write = built;
  seen.set(schema, built);
  return built;
}

function build(schema: z.ZodType, seen: Map<z.ZodType, Writer>): Writer {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const rest = (allowed: Set<string>) => {
    for (const c of checks) if (!allowed.has(String(c.check))) throw new UnsupportedSchemaError(`${def.type} check ${String(c.check)}`);
  };
  switch (def.type) {
    case 'string':
      rest(VALIDATION_ONLY);
      return (v) => (typeof v === 'string' ? JSON.stringify(v) : wrong('expected a string'));
    case 'number': {
      const tests = checks.map(numberCheck);
      return (v) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return wrong('expected a finite number');
        for (const test of tests) if (!test(v)) wrong(`number ${v} out of its bounds`);
        return JSON.stringify(v);
      };
    }
    case 'boolean':
      rest(new Set());
      return (v) => (v === true ? 'true' : v === false ? 'false' : wrong('expected a boolean'));
    case 'null':
      return (v) => (v === null ? 'null' : wrong('expected null'));
    case 'enum':
    case 'literal': {
      // Each member with its JSON text, written once here.
      const members = new Map<unknown, string>();
      for (const m of def.type === 'enum' ? Object.values(def.entries ?? {}) : (def.values ?? [])) {
        if (typeof m !== 'string' && typeof m !== 'number' && typeof m !== 'boolean' && m !== null)
          throw new UnsupportedSchemaError(`${def.type} member ${typeof m}`);
        members.set(m, JSON.stringify(m));
      }
      return (v) => members.get(v) ?? wrong(`${JSON.stringify(v)} is not one of the allowed values`);
    }
    case 'nullable': {
      const inner = compile(def.innerType!, seen);
      return (v) => (v === null ? 'null' : inner(v));
    }
    case 'optional': {
      // Reached for an optional value that is present (objects leave out undefined ones); in an array JSON writes null.
      const inner = compile(def.innerType!, seen);
      return (v) => (v === undefined ? 'null' : inner(v));
    }
    case 'array': {
      rest(VALIDATION_ONLY);
      const element = compile(def.element!, seen);
      return (v) => {
        if (!Array.isArray(v)) return wrong('expected an array');
        let out = '[';
        let i = 0;
        try {
          for (; i < v.length; i++) out += (i === 0 ? '' : ',') + element(v[i]);
        } catch (err) {
          at(err, i);
        }
        return `${out}]`;
      };
    }
    case 'object': {
      rest(new Set());
      if (def.catchall !== undefined) throw new UnsupportedSchemaError('object with catchall (loose or strict object)');
      const fields = Object.entries(def.shape ?? {}).map(([key, field]) => ({
        key,
        prefix: `${JSON.stringify(key)}:`,
        optional: acceptsUndefined(field),
        write: compile(field, seen),
      }));
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return wrong('expected an object');
        const o = v as Record<string, unknown>;
        let out = '{';
        let first = true;
        let key = '';
        try {
          for (const f of fields) {
            key = f.key;
            const x = o[key];
            if (x === undefined) {
              if (f.optional) continue;
              wrong('required');
            }
            out += (first ? '' : ',') + f.prefix + f.write(x);
            first = false;
          }
        } catch (err) {
          at(err, key);
        }
        return `${out}}`;
      };
    }
    default:
      throw new UnsupportedSchemaError(`schema type ${def.type}`);
  }
}

/** The serializer of `schema`; throws UnsupportedSchemaError when the schema is not plain data (see above). */
export function compileSerializer(schema: z.ZodType): (value: unknown) => string {
  return compile(schema, new Map());
}

/**
 * A Fastify serializer compiler: the compiled serializer where the response schema allows it, the zod serializer
 * (fastify-type-provider-zod) otherwise. Errors answer as the zod serializer's do (ResponseSerializationError).
 */
export const fastSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  let serialize: (value: unknown) => string;
  try {
    serialize = compileSerializer(route.schema as z.ZodType);
  } catch (err) {
    if (err instanceof UnsupportedSchemaError) return serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
    throw err;
  }
  return (data) => {
    try {
      return serialize(data);
    } catch (err) {
      if (err instanceof WrongValue) {
        const where = err.path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');
        throw new ResponseSerializationError(route.method, route.url, { cause: new Error(`${where || '(root)'}: ${err.message}`) as never });
      }
      throw err;
    }
  };
};
