import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { repoRoot } from '../infra/local/paths';
import { eventSchemaDocuments } from './event-schemas';

/** `npm run events:schemas`: writes the event schemas and the AsyncAPI document (commit them). */
for (const [path, content] of eventSchemaDocuments()) {
  const file = join(repoRoot, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  console.log(`wrote ${path}`);
}
