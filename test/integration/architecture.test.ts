import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { tempDir } from '../support/temp-profile.ts';

// The layering rules live in eslint.config.js; this proves they bite, so they cannot rot into a
// config that lints nothing.
// A planted file is in no tsconfig project, so the two type-aware rules (whose bite needs real
// types, not layering) are left out here.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('architecture rules', () => {
  it('only the Electron shell and the preload import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await ruleIds('src/main/registry/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/main/services/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/x.tsx', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/shared/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/main/app/x.ts', code)).toEqual([]);
    expect(await ruleIds('src/preload/x.ts', code)).toEqual([]);
  });

  it('keeps src/shared free of Node, DOM and native modules', async () => {
    for (const code of [
      "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n",
      "import path from 'path';\nexport const p = path;\n",
      "import Database from 'better-sqlite3';\nexport const d = Database;\n",
      "import { useState } from 'react';\nexport const u = useState;\n",
      "import { x } from '../main/registry/listing.ts';\nexport const y = x;\n",
      'export const w = window.location;\n',
      'export const b = Buffer.from([]);\n',
    ]) {
      const ids = await ruleIds('src/shared/domain/x.ts', code);
      expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals'), code).toBe(true);
    }
    expect(await ruleIds('src/shared/domain/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('keeps the renderer away from Node and the privileged side', async () => {
    expect(await ruleIds('src/renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('src/renderer/x.ts', "import { listDocuments } from '../main/registry/listing.ts';\nexport const f = listDocuments;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('lets lower layers import nothing from services, the shell or the CLI', async () => {
    expect(await ruleIds('src/main/registry/x.ts', "import { createServices } from '../services/create-services.ts';\nexport const h = createServices;\n")).toContain(
      'no-restricted-imports',
    );
  });

  // The layers of eslint/layers.js (docs/architecture.md), each import checked where it is written.
  it('lets each layer import only from its own layer and the layers below', async () => {
    const up = (from: string, target: string) => ruleIds(from, `import * as m from '${target}';\nexport const x = m;\n`);
    // Upwards: the registers do not know the sync, the fonts do not know the books.
    expect(await up('src/main/registry/x.ts', '../sync/run-sync.ts')).toContain('boundaries/dependencies');
    expect(await up('src/main/fonts/x.ts', '../books/pdf/book-fonts.ts')).toContain('boundaries/dependencies');
    expect(await up('src/main/db/x.ts', '../registry/listing.ts')).toContain('boundaries/dependencies');
    expect(await up('src/main/sync/x.ts', '../services/create-services.ts')).toContain('boundaries/dependencies');
    // Sideways between the flows and between the entry points: each stands on the layers below.
    expect(await up('src/main/issuance/x.ts', '../sync/run-sync.ts')).toContain('boundaries/dependencies');
    expect(await up('src/main/sync/x.ts', '../issuance/approve.ts')).toContain('boundaries/dependencies');
    expect(await up('src/main/cli/x.ts', '../app/shell-services.ts')).toContain('boundaries/dependencies');
    // The reference hub borrows storage only.
    expect(await up('src/hub/x.ts', '../main/registry/listing.ts')).toContain('boundaries/dependencies');
    // Downwards and inside a layer is allowed.
    expect(await up('src/main/sync/x.ts', '../registry/listing.ts')).toEqual([]);
    expect(await up('src/main/signing/x.ts', '../profile/open-profile.ts')).toEqual([]);
    expect(await up('src/main/issuance/x.ts', '../outbox/send-queue.ts')).toEqual([]);
    expect(await up('src/main/services/x.ts', '../sync/run-sync.ts')).toEqual([]);
  });
});

// Import circles need the whole graph (type-only imports included), which dependency-cruiser
// builds; `npm run lint` runs it on src with .dependency-cruiser.cjs.
describe('import circles', () => {
  const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

  async function circles(dir: string): Promise<string[]> {
    const result = await cruise([dir], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden ?? [] } }, { extensions: ['.ts', '.tsx', '.js'] });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
  }

  it('finds a circle made of type-only imports', async () => {
    const t = tempDir('vanthu-cycle-');
    try {
      const dir = join(t.dir, 'planted');
      mkdirSync(dir);
      writeFileSync(join(dir, 'handlers.ts'), "import type { Sign } from './sign.ts';\nexport type Handlers = { sign: Sign };\n");
      writeFileSync(join(dir, 'sign.ts'), "import type { Handlers } from './handlers.ts';\nexport type Sign = (h: Handlers) => void;\n");
      writeFileSync(join(dir, 'leaf.ts'), "import type { Sign } from './sign.ts';\nexport const s: Sign | null = null;\n");
      const found = await circles(dir);
      // One circle, reported at the import that closes it; the leaf that only points into it is fine.
      expect(found).toEqual([expect.stringMatching(/^no-circular: .*planted\/(handlers|sign)\.ts -> .*planted\/(handlers|sign)\.ts$/)]);
    } finally {
      t.cleanup();
    }
  });

  it('finds none in the source tree', async () => {
    expect(await circles(join(ROOT, 'src'))).toEqual([]);
  }, 60_000);
});
