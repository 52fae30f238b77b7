import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

// The layering rules live in eslint.config.js; this proves they bite, so they cannot rot into a
// config that lints nothing.
const eslint = new ESLint({ cwd: ROOT });

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
    expect(await ruleIds('src/main/registry/x.ts', "import { createHandlers } from '../services/handlers.ts';\nexport const h = createHandlers;\n")).toContain(
      'no-restricted-imports',
    );
  });
});
