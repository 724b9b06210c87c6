import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const biome = join(repo, 'node_modules', '.bin', 'biome');

interface Diagnostic {
  category: string;
  location: { path: string };
}

const importing = (specifier: string) => `import { x } from '${specifier}';\n\nexport const y = x;\n`;

/**
 * Lints `files` with the repository's biome.json, laid out as in the repository but in a directory
 * of their own outside it: the probes can neither be left in the tree nor be seen by a `biome check .`
 * running at the same time. The directory is no git checkout, so Biome is told to ignore VCS.
 */
const lint = async (files: Record<string, string>) => {
  const dir = await mkdtemp(join(tmpdir(), 'import-rules-'));
  try {
    await cp(join(repo, 'biome.json'), join(dir, 'biome.json'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const { exitCode, stdout } = await new Promise<{ exitCode: number; stdout: string }>((resolve) =>
      execFile(
        biome,
        ['lint', '--vcs-enabled=false', '--reporter=json', ...Object.keys(files)],
        { cwd: dir },
        (error, out) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout: out }),
      ),
    );
    const { diagnostics } = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
    const restricted = diagnostics
      .filter((diagnostic) => diagnostic.category === 'lint/style/noRestrictedImports')
      .map((diagnostic) => diagnostic.location.path)
      .sort();
    return { exitCode, restricted, all: diagnostics };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

describe('import rules (biome.json noRestrictedImports)', () => {
  it('fails the lint for every import across a layer boundary, and for classic zod anywhere', async () => {
    const forbidden = {
      'shared/domain/issues/probe.ts': importing('../../http/principal'),
      'shared/domain/probe.ts': importing('../db/keys'),
      'shared/domain/questionnaires/versions/probe.ts': importing('../../../usecases/references'),
      'shared/domain/zod-probe.ts': importing('zod/mini'),
      'shared/domain/sdk-probe.ts': importing('@aws-sdk/lib-dynamodb'),
      'shared/db/probe.ts': importing('../http/errors'),
      'shared/repositories/probe.ts': importing('../http/errors'),
      'shared/repositories/records/probe.ts': importing('../../contract/units'),
      'shared/repositories/contract-probe.ts': importing('../contract/routes'),
      'shared/db/contract-probe.ts': importing('../contract/common'),
      'shared/usecases/issues/probe.ts': importing('../../http/principal'),
      'shared/workflow/probe.ts': importing('../http/errors'),
      'shared/jobs/probe.ts': importing('../http/errors'),
      'shared/events/probe.ts': importing('../http'),
      'shared/usecases/zod-probe.ts': importing('zod'),
      'functions/api/probe/handler.ts': importing('zod'),
    };
    const result = await lint(forbidden);
    expect(result.exitCode).not.toBe(0);
    expect(result.restricted).toEqual(Object.keys(forbidden).sort());
  }, 30_000);

  it('passes imports within the rules', async () => {
    const result = await lint({
      'shared/domain/issues/probe.ts': importing('../viewer'),
      'shared/domain/questionnaires/versions/probe.ts': importing('../../errors'),
      'shared/domain/ids-probe.ts': importing('ulid'),
      'shared/repositories/probe.ts': importing('../domain/errors'),
      'shared/repositories/records-probe.ts': importing('./records/units'),
      'shared/usecases/units/probe.ts': importing('../../contract/units'),
      'shared/usecases/issues/probe.ts': importing('../../db/creation-guard'),
      'shared/http/probe.ts': importing('../repositories/idempotency-records'),
      'functions/api/probe/handler.ts': "import * as z from 'zod/mini';\n\nexport const y = z;\n",
    });
    expect(result.all).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 30_000);
});
