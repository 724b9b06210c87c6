import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadLetterRoutes } from '../../../infra/local/dead-letters/dead-letter-routes';
import {
  type DeadLetters,
  fileDeadLetters,
  memoryDeadLetters,
  type NewDeadLetter,
} from '../../../infra/local/dead-letters/dead-letters';
import type { ComponentHealth } from '../../../infra/local/health/component-health';
import { healthRoute } from '../../../infra/local/health/health-route';
import type { IncomingRequest } from '../../../infra/local/http/incoming-request';
import type { LocalRoute } from '../../../infra/local/local-module';

const failedRecord = (origin: string): NewDeadLetter => ({
  source: 'stream',
  origin,
  functionLogicalId: 'DeliverSignals',
  event: { Records: [{ eventID: origin }] },
  error: 'Error: boom',
  attempts: 3,
});

const request = {} as IncomingRequest;

const routeOf = (routes: LocalRoute[], method: string, path: string) => {
  const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  return route;
};

const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? 'null');

describe('the file dead letters', () => {
  let directory: string;
  beforeEach(async () => {
    directory = join(await mkdtemp(join(tmpdir(), 'qinqing-dead-letters-')), 'dead-letters');
  });
  afterEach(() => rm(join(directory, '..'), { recursive: true, force: true }));

  it('outlive the store that wrote them, oldest first, and go when removed', async () => {
    const written = await fileDeadLetters(directory);
    const first = await written.add(failedRecord('a'));
    const second = await written.add(failedRecord('b'));

    const reopened = await fileDeadLetters(directory);
    expect((await reopened.list()).map((letter) => letter.origin)).toEqual(['a', 'b']);
    expect(await reopened.get(first.id)).toEqual(first);

    await reopened.update({ ...second, attempts: 4, error: 'Error: again' });
    expect(await reopened.get(second.id)).toMatchObject({ attempts: 4, error: 'Error: again' });

    await reopened.remove(first.id);
    expect((await reopened.list()).map((letter) => letter.id)).toEqual([second.id]);
    expect(await readdir(directory)).toEqual([`${second.id}.json`]);
  });

  it('answer nothing for an id that is not a letter id (no path outside the directory)', async () => {
    const letters = await fileDeadLetters(directory);
    expect(await letters.get('../../etc/passwd')).toBeUndefined();
    expect(await letters.get('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBeUndefined();
  });
});

describe('the dead-letter routes', () => {
  let letters: DeadLetters;
  const invoke = vi.fn();
  let routes: LocalRoute[];
  beforeEach(() => {
    letters = memoryDeadLetters();
    invoke.mockReset();
    routes = deadLetterRoutes(letters, invoke);
  });

  it('list letters without their events and show one with its event', async () => {
    const letter = await letters.add(failedRecord('a'));
    const listed = bodyOf(await routeOf(routes, 'GET', '/_local/dead-letters').handle(request, {}));
    expect(listed.items).toEqual([expect.not.objectContaining({ event: expect.anything() })]);
    expect(listed.items[0]).toMatchObject({ id: letter.id, origin: 'a', attempts: 3 });

    const shown = await routeOf(routes, 'GET', '/_local/dead-letters/{id}').handle(request, {
      id: letter.id,
    });
    expect(bodyOf(shown)).toEqual(letter);
  });

  it('redrive invokes the function with the same event and drops the letter when it succeeds', async () => {
    const letter = await letters.add(failedRecord('a'));
    invoke.mockResolvedValue({ batchItemFailures: [] });

    const response = await routeOf(routes, 'POST', '/_local/dead-letters/{id}/redrive').handle(request, {
      id: letter.id,
    });

    expect(invoke).toHaveBeenCalledWith('DeliverSignals', letter.event);
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ id: letter.id, redriven: true });
    expect(await letters.list()).toEqual([]);
  });

  it.each([
    ['throws', () => Promise.reject(new TypeError('still broken')), 'TypeError: still broken'],
    [
      'reports the record as failed',
      () => Promise.resolve({ batchItemFailures: [{ itemIdentifier: '1' }] }),
      'the function reported the record as failed',
    ],
  ])(
    'redrive keeps the letter with the new error when the function %s (502)',
    async (_how, outcome, error) => {
      const letter = await letters.add(failedRecord('a'));
      invoke.mockImplementation(outcome);

      const response = await routeOf(routes, 'POST', '/_local/dead-letters/{id}/redrive').handle(request, {
        id: letter.id,
      });

      expect(response.statusCode).toBe(502);
      expect(bodyOf(response)).toEqual({ id: letter.id, redriven: false, error, attempts: 4 });
      expect(await letters.get(letter.id)).toMatchObject({ error, attempts: 4 });
    },
  );

  it('delete discards a letter; an unknown one is not found', async () => {
    const letter = await letters.add(failedRecord('a'));
    const remove = routeOf(routes, 'DELETE', '/_local/dead-letters/{id}');

    expect((await remove.handle(request, { id: letter.id })).statusCode).toBe(204);
    await expect(remove.handle(request, { id: letter.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(invoke).not.toHaveBeenCalled();
  });
});

describe('GET /_local/health', () => {
  const component = (name: string, status: ComponentHealth['status']): ComponentHealth => ({
    component: name,
    status,
    summary: `${name} is ${status}`,
  });

  it.each([
    [['ok', 'ok'], 200, 'ok'],
    [['ok', 'attention'], 200, 'attention'],
    [['attention', 'broken'], 503, 'broken'],
  ] as const)('with components %j answers %i, %s', async (statuses, statusCode, status) => {
    const route = healthRoute(async () => statuses.map((s, i) => component(`c${i}`, s)));
    const response = await route.handle(request, {});
    expect(response.statusCode).toBe(statusCode);
    expect(bodyOf(response)).toMatchObject({ status, components: statuses.map((s) => ({ status: s })) });
  });
});
