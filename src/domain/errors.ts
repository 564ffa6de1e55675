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
