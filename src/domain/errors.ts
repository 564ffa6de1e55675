/** Typed domain errors with a stable code and no HTTP knowledge (mapped in http/problem.ts). */

export interface Issue {
  /** Path of the offending field, e.g. `milestones[3].forecastDate` or `programme[0].homes`. */
  path: string;
  /** Stable machine code, e.g. `negative_count`, `milestone_order`. */
  code: string;
  /** Plain-Dutch explanation for the person who entered the data. */
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(readonly issues: Issue[]) {
    super('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} '${id}' bestaat niet.`);
  }
}

export class ConflictError extends DomainError {
  constructor(
    message: string,
    readonly currentVersion?: number,
  ) {
    super('version_conflict', message);
  }
}

/** A value that must be unique is taken already (a KvK number): 409, with the field and what has it. */
export class DuplicateError extends DomainError {
  constructor(readonly issues: Issue[]) {
    super('duplicate', issues.map((i) => i.message).join(' '));
  }
}

/** It existed but can no longer be used (an invitation that was used, withdrawn or has expired): 410. */
export class GoneError extends DomainError {
  constructor(message: string) {
    super('gone', message);
  }
}

/** Not signed in, or the credentials are wrong (kept generic: it does not say which part was wrong). */
export class UnauthorizedError extends DomainError {
  constructor(message = 'U bent niet ingelogd, of de inloggegevens kloppen niet.') {
    super('unauthorized', message);
  }
}

/** Signed in, but this is not theirs to see or change. */
export class ForbiddenError extends DomainError {
  constructor(message = 'U heeft geen toegang tot dit onderdeel.') {
    super('forbidden', message);
  }
}

/** A part of the system this feature needs is not available here (e.g. no browser for PDF). */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    /** When set, the caller may try again after this many seconds (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super('unavailable', message);
  }
}

/** Too many attempts in a short time (e.g. signing in); try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', message);
  }
}
