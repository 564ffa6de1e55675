/**
 * Refuse text that cannot be stored (src/domain/text.ts) anywhere in a request's parsed body, query
 * string or path parameters, before validation and on every endpoint: such a character used to reach
 * PostgreSQL and end in a 500 (U+0000) or be silently replaced (a lone surrogate). Answers 422
 * problem+json naming each field.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError, type Issue } from '../domain/errors.ts';
import { unstorableCharacter, unstorableMessage } from '../domain/text.ts';

/** Every string (and object key) in `value` that cannot be stored, with its field path. */
export function unstorableIssues(value: unknown, root: string): Issue[] {
  const issues: Issue[] = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  const at = (path: string) => path || root;
  while (stack.length > 0 && issues.length < 50) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const c = unstorableCharacter(v);
      if (c) issues.push({ path: at(path), code: 'invalid_character', message: unstorableMessage(c) });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${path}[${i}]` });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v).reverse()) {
        const p = path ? `${path}.${k}` : k;
        const c = unstorableCharacter(k);
        if (c) issues.push({ path: at(path), code: 'invalid_character', message: `Veldnaam: ${unstorableMessage(c)}` });
        else stack.push({ value: child, path: p });
      }
    }
  }
  return issues;
}

export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues = [
      ...unstorableIssues(request.params, 'params'),
      ...unstorableIssues(request.query, 'query'),
      ...unstorableIssues(request.body, 'body'),
    ];
    if (issues.length > 0) throw new ValidationError(issues);
  });
}
