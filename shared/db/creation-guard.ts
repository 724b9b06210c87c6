/** One request under an Idempotency-Key: the key scoped to caller and route, and the request's hash. */
export interface IdempotentRequest {
  scopedKey: string;
  /** Tells two requests under the same key apart. */
  requestHash: string;
  /** Whether the run's creation completed the idempotency record in its own transaction. */
  completedWithCreation?: () => boolean;
}

/**
 * What a creation with an Idempotency-Key writes beside its records, in the same transaction: a
 * permanent guard item. Even after the edge's own idempotency record expires, a repeat can then only
 * replay the first answer (same request) or be refused (another request); it never creates twice.
 * `replay` is text the edge wrote and will read: opaque to use cases, repositories and this layer.
 */
export interface CreationGuard extends IdempotentRequest {
  replay: string;
  /** Told once the guard is written: the edge then has no idempotency record left to complete. */
  stored?: () => void;
}

/** What a use case receives for a request with an Idempotency-Key (the edge builds it). */
export interface IdempotencyToken extends IdempotentRequest {
  /** The guard for a creation that answers `answer`: the edge decides how a repeat replays it. */
  guard: (answer: unknown) => CreationGuard;
}

/**
 * Not a failure: the request created its records before, and `replay` is what it answered then.
 * It passes through the use case untouched; the edge answers the repeat with it.
 */
export class CreatedBefore extends Error {
  override readonly name = 'CreatedBefore';

  constructor(readonly replay: string) {
    super('This request created its records before; its first answer is replayed.');
  }
}
