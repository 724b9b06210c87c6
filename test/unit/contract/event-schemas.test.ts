import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../infra/local/paths';
import { ALL_DETAIL_TYPES } from '../../../shared/domain/notifications/catalogue';
import { eventSchemaDocuments } from '../../../tools/event-schemas';

describe('the committed event schemas and AsyncAPI document', () => {
  it('are what the contract generates (run `npm run events:schemas` after changing an event)', async () => {
    const documents = eventSchemaDocuments();
    expect(documents.size).toBe(ALL_DETAIL_TYPES.length + 1);
    for (const [path, content] of documents) {
      expect(await readFile(join(repoRoot, path), 'utf8').catch(() => `${path} is missing`), path).toBe(
        content,
      );
    }
  });
});
