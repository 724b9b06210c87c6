/**
 * The refusals of the program, in its own words: rules, use cases, repositories and shared/db throw
 * these and never an HTTP error. Each carries a stable `code` clients may branch on and a message
 * written for them; which status and title a client sees is decided in one place at the edge
 * (shared/http/translate-error.ts).
 */

/** One field of a request and what is wrong with it; `path` starts at the part (`body.`, `query.`). */
export interface FieldProblem {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** The fields at fault, when the refusal is about some (empty otherwise). */
  readonly problems: readonly FieldProblem[] = [];
}

/** The fields of a request fail their rules; every problem is reported at once. */
export class ValidationFailed extends DomainError {
  override readonly name = 'ValidationFailed';
  readonly code = 'VALIDATION_FAILED';

  constructor(override readonly problems: readonly FieldProblem[]) {
    super('The request does not match the schema.');
  }
}

/** A request refused for one named reason, e.g. a reference to nothing or a malformed cursor. */
export class InputRejected extends DomainError {
  override readonly name = 'InputRejected';

  constructor(
    readonly code: string,
    detail: string,
    override readonly problems: readonly FieldProblem[] = [],
  ) {
    super(detail);
  }
}

/** The caller's role or standing does not allow the action (on something it may see). */
export class Forbidden extends DomainError {
  override readonly name = 'Forbidden';
  readonly code = 'FORBIDDEN';

  constructor(detail = 'Your role does not allow this action.') {
    super(detail);
  }
}

/**
 * A record is missing, or lies outside what the caller may see: the two are not told apart, so a
 * refusal never reveals that something exists.
 */
export class NotFound extends DomainError {
  override readonly name = 'NotFound';
  readonly code = 'NOT_FOUND';

  /** `what` names the record as a sentence starts, e.g. "The issue". */
  constructor(what: string) {
    super(`${what} does not exist or is outside your scope.`);
  }
}

/** A job name that names no job. */
export class JobNotFound extends DomainError {
  override readonly name = 'JobNotFound';
  readonly code = 'JOB_NOT_FOUND';

  constructor(job: string) {
    super(`There is no job named ${job}.`);
  }
}

/** The request clashes with what is stored (taken, already done, changing right now). */
export class Conflict extends DomainError {
  override readonly name = 'Conflict';

  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The same request (same Idempotency-Key) is being processed right now: it will have an answer
 * shortly, so a repeat is refused for the moment rather than run twice.
 */
export class RequestInProgress extends DomainError {
  override readonly name = 'RequestInProgress';
  readonly code = 'IDEMPOTENCY_IN_PROGRESS';

  constructor() {
    super('A request with this Idempotency-Key is still being processed.');
  }
}

/** The record's status does not allow the step asked for. */
export class InvalidTransition extends DomainError {
  override readonly name = 'InvalidTransition';
  readonly code = 'INVALID_TRANSITION';
}

/** The record changed since the caller read it (the version it names is not the stored one). */
export class StaleVersion extends DomainError {
  override readonly name = 'StaleVersion';
  readonly code = 'VERSION_MISMATCH';

  constructor() {
    super('The record has changed since you read it; reload and retry.');
  }
}

/** An update of an existing record named no version: it would overwrite blindly. */
export class VersionRequired extends DomainError {
  override readonly name = 'VersionRequired';
  readonly code = 'PRECONDITION_REQUIRED';

  constructor() {
    super('An update must name the version of the record it read.');
  }
}

/** A repeat of a creation under the same Idempotency-Key, but with another request. */
export class IdempotencyKeyReused extends DomainError {
  override readonly name = 'IdempotencyKeyReused';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor() {
    super('This Idempotency-Key was already used with a different request body.');
  }
}

/** An export would be more than one answer can carry. */
export class ExportTooLarge extends DomainError {
  override readonly name = 'ExportTooLarge';
  readonly code = 'EXPORT_TOO_LARGE';
}
