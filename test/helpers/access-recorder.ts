/**
 * Records the access decisions a request makes (src/domain/access.ts), for the mandatory-access test
 * (src/http/access-required.api.test.ts). `recordingAccessModule` wraps every function of the access module
 * (installed with vi.mock); `recordServiceCalls` wraps every method of the services and notes each call that
 * returned data without a single access decision while it ran. Immich's rule: `requireAccess` first, in
 * every service method (../shared/STYLE.md).
 */

/** Not decisions: the endpoint gate (runs before every handler) and helpers that only name facts. */
const NOT_DECISIONS = new Set(['requireEndpointAccess', 'deliveringOrganisation', 'memberPartyOrganisation', 'createsSynthetic']);

export const accessLog = { decisions: 0, names: [] as string[] };

/** The access module with every decision counted in `accessLog`. */
export function recordingAccessModule<M extends Record<string, unknown>>(mod: M): M {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== 'function' || NOT_DECISIONS.has(name)) {
      wrapped[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    wrapped[name] = function (this: unknown, ...args: unknown[]) {
      accessLog.decisions++;
      accessLog.names.push(name);
      return fn.apply(this, args);
    };
  }
  return wrapped as M;
}

export interface ServiceCallRecord {
  /** `service.method` of every call that returned without asking access. */
  unchecked: Map<string, number>;
  /** Every `service.method` called. */
  called: Set<string>;
}

/**
 * Wraps every method of every service in place (before the app is built, so the routes get the wrapped
 * ones). A call that returns (or resolves) without one access decision during it is recorded as unchecked,
 * unless it is in `exempt`. A call that throws returned nothing and is not counted.
 */
export function recordServiceCalls(services: Record<string, unknown>, skip: ReadonlySet<string>, exempt: ReadonlySet<string>): ServiceCallRecord {
  const record: ServiceCallRecord = { unchecked: new Map(), called: new Set() };
  for (const [serviceName, service] of Object.entries(services)) {
    if (skip.has(serviceName) || service === null || typeof service !== 'object') continue;
    const methods = service as Record<string, unknown>;
    for (const [methodName, value] of Object.entries(methods)) {
      if (typeof value !== 'function') continue;
      const key = `${serviceName}.${methodName}`;
      const fn = value as (...args: unknown[]) => unknown;
      methods[methodName] = function (this: unknown, ...args: unknown[]) {
        record.called.add(key);
        const before = accessLog.decisions;
        const check = () => {
          if (accessLog.decisions === before && !exempt.has(key)) record.unchecked.set(key, (record.unchecked.get(key) ?? 0) + 1);
        };
        const result = fn.apply(this, args);
        if (result instanceof Promise) {
          return result.then((v) => {
            check();
            return v;
          });
        }
        check();
        return result;
      };
    }
  }
  return record;
}
