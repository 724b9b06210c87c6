import { describe, expect, it } from 'vitest';
import { CreatedBefore } from '../../../shared/db/creation-guard';
import { defineRoute } from '../../../shared/http/contract';
import { idempotencyToken, replayingCreation } from '../../../shared/http/idempotency-token';

const createThing = defineRoute({
  method: 'POST',
  path: '/things',
  area: 'things',
  summary: 'Create a thing',
  roles: ['operator'],
  successStatus: 201,
  idempotency: 'required',
});
const request = { params: {}, body: { name: 'a' } };

describe('idempotencyToken', () => {
  it('scopes the key to caller and route and tells bodies apart', () => {
    const token = idempotencyToken('u1', createThing, 'key-12345678', request);
    expect(token.scopedKey).toBe('u1|POST /things|key-12345678');
    expect(token.requestHash).toBe(idempotencyToken('u2', createThing, 'other-key', request).requestHash);
    expect(token.requestHash).not.toBe(
      idempotencyToken('u1', createThing, 'key-12345678', { params: {}, body: { name: 'b' } }).requestHash,
    );
  });

  it('guards a creation with the reply the route gives its answer, as JSON text', () => {
    const token = idempotencyToken('u1', createThing, 'key-12345678', request);
    expect(token.guard({ id: 'T1' })).toMatchObject({
      scopedKey: token.scopedKey,
      requestHash: token.requestHash,
      replay: '{"status":201,"body":{"id":"T1"}}',
    });
  });

  it('knows whether the creation completed the idempotency record in its own transaction', () => {
    const token = idempotencyToken('u1', createThing, 'key-12345678', request);
    const guard = token.guard({ id: 'T1' });
    expect(token.completedWithCreation?.()).toBe(false);
    guard.stored?.();
    expect(token.completedWithCreation?.()).toBe(true);
  });
});

describe('replayingCreation', () => {
  it('answers a repeated creation with the reply its first run stored', async () => {
    const repeat = async () => {
      throw new CreatedBefore('{"status":201,"body":{"id":"first"}}');
    };
    await expect(replayingCreation(repeat)).resolves.toEqual({ status: 201, body: { id: 'first' } });
  });

  it('passes replies and other errors through', async () => {
    await expect(replayingCreation(async () => ({ body: { id: 'new' } }))).resolves.toEqual({
      body: { id: 'new' },
    });
    const failure = new Error('boom');
    await expect(replayingCreation(() => Promise.reject(failure))).rejects.toBe(failure);
  });
});
