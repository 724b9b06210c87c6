import { afterAll, expect } from 'vitest';
import { baseUrl, observed } from './e2e';
import { openApiContract } from './hostile/openapi-contract';

/**
 * Contract test, after every e2e file: each response the file received is checked against the served
 * OpenAPI document (path, status, content type, body schema).
 */
afterAll(async () => {
  if (observed.length === 0) return;
  const document = await (await fetch(`${baseUrl()}/openapi.json`)).json();
  const check = openApiContract(document as Parameters<typeof openApiContract>[0]);
  const problems = [...new Set(observed.flatMap((response) => check(response) ?? []))];
  console.log(
    `contract: ${observed.length} responses checked against /openapi.json, ${problems.length} kinds of mismatch`,
  );
  expect(problems).toEqual([]);
});
