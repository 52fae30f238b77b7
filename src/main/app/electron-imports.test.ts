import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Electron cannot start on a machine without its binary, so everything in the shell except the
// entry point must be loadable without it: only main.ts may load 'electron' at run time. An
// `import type` is erased; `import { type X }` is not (it still loads the module).
const DIR = fileURLToPath(new URL('.', import.meta.url));

function loadsElectron(source: string): boolean {
  const valueImport = /^\s*import\s+(?!type\s)[^;]*?from\s+['"]electron['"]/m;
  const bareImport = /^\s*import\s+['"]electron['"]/m;
  const dynamic = /\b(?:require|import)\(\s*['"]electron['"]\s*\)/;
  return valueImport.test(source) || bareImport.test(source) || dynamic.test(source);
}

describe('electron imports in the shell', () => {
  it('recognises the ways a module can load electron', () => {
    expect(loadsElectron("import { app } from 'electron';")).toBe(true);
    expect(loadsElectron("import { type App } from 'electron';")).toBe(true);
    expect(loadsElectron("import 'electron';")).toBe(true);
    expect(loadsElectron("const e = await import('electron');")).toBe(true);
    expect(loadsElectron("import type { App } from 'electron';")).toBe(false);
  });

  it('only main.ts loads electron at run time', () => {
    const sources = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources).toContain('main.ts');
    expect(sources.filter((f) => loadsElectron(readFileSync(`${DIR}/${f}`, 'utf8')))).toEqual(['main.ts']);
  });
});
