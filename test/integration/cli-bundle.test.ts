import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_FILES, type CliManifest } from '../../scripts/build-cli.ts';
import { ROOT, vanthu } from '../support/cli.ts';
import { expectedOf, prefillCorpus } from '../support/prefill-corpus.ts';
import { renderNumberedDraft } from '../support/prefill-drafts.ts';
import { rasterise } from '../support/scanned-drafts.ts';
import { createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

// The bundled `vanthu` (scripts/build-cli.ts, what `npm run build:cli` runs) built into a temp
// folder so the test does not race other builds writing dist/, with a node_modules link beside
// it for its runtime externals; then run through bin/vanthu.js as a user runs it: help, a real
// profile, the token worker with a SoftHSM token, the OCR worker on a scan. And bin/vanthu.js's
// rule for choosing the bundle or the sources (docs/cli.md "How the command runs").
const run = promisify(execFile);
const t = tempDir('vanthu-cli-bundle-');
const bundleDir = join(t.dir, 'cli');
const profile = join(t.dir, 'profile');
const agency = join(ROOT, 'resources', 'demo', 'agency.json');
const bundled = (args: string[], env: Record<string, string> = {}, input?: string) =>
  vanthu(args, { env: { VANTHU_CLI: 'bundle', VANTHU_CLI_BUNDLE: bundleDir, ...env }, ...(input !== undefined ? { input } : {}) });
const fromSource = (args: string[]) => vanthu(args, { env: { VANTHU_CLI: 'source' } });

beforeAll(async () => {
  symlinkSync(join(ROOT, 'node_modules'), join(t.dir, 'node_modules'), 'junction');
  await run(process.execPath, ['scripts/build-cli.ts', '--out', bundleDir], { cwd: ROOT });
}, 120_000);
afterAll(() => {
  if (existsSync(join(t.dir, 'node_modules'))) unlinkSync(join(t.dir, 'node_modules'));
  t.cleanup();
});

// The chunks a file imports statically, and theirs: what Node loads before the entry runs.
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(bundleDir, file), 'utf8');
  for (const m of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?"([^"]+)"/gm)) {
    const spec = m[1] as string;
    if (spec.startsWith('./')) staticClosure(spec.slice(2), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('npm run build:cli', () => {
  it('writes the entry, its chunks, the workers the commands start and the manifest bin/vanthu.js reads', () => {
    const files = readdirSync(bundleDir);
    expect(files).toEqual(expect.arrayContaining([CLI_FILES.entry, CLI_FILES.manifest, 'token-worker.cjs', 'ocr-worker.cjs']));
    const bin = readFileSync(join(ROOT, 'bin', 'vanthu.js'), 'utf8');
    expect(bin).toContain(`'${CLI_FILES.entry}'`);
    expect(bin).toContain(`'${CLI_FILES.manifest}'`);
    const manifest = JSON.parse(readFileSync(join(bundleDir, CLI_FILES.manifest), 'utf8')) as CliManifest;
    expect(manifest.root).toBe(relative(bundleDir, ROOT));
    expect(manifest.inputs).toEqual(expect.arrayContaining(['src/main/cli/main.ts', 'src/main/cli/commands/search.ts', 'src/main/signing/pkcs11/token-worker.ts', 'scripts/build-cli.ts']));
    expect(manifest.inputs.some((i) => i.startsWith('node_modules/') && i !== 'node_modules/.package-lock.json')).toBe(false);
  });

  it('starts no worker from the .ts sources: each reference points at a bundled worker beside the chunks', () => {
    const code = readdirSync(bundleDir)
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => readFileSync(join(bundleDir, f), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/-worker\.ts['"]/);
    expect(code).toContain('new URL("./token-worker.cjs", import.meta.url)');
    expect(code).toContain('new URL("./ocr-worker.cjs", import.meta.url)');
  });

  it('loads no command module, native module or zod before the entry runs, so help reads a few KiB', () => {
    const closure = [...staticClosure(CLI_FILES.entry)];
    expect(closure.filter((s) => !s.startsWith('node:') && !s.endsWith('.mjs'))).toEqual([]);
    const bytes = closure.filter((f) => f.endsWith('.mjs')).reduce((n, f) => n + readFileSync(join(bundleDir, f)).length, 0);
    expect(bytes).toBeLessThan(64 * 1024);
  });
});

describe('vanthu through the bundle', () => {
  it('prints the same help as the sources', () => {
    const r = bundled(['help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(fromSource(['help']).stdout);
    expect(bundled(['frobnicate']).status).toBe(2);
  });

  it('initialises a profile, registers, searches without diacritics and prints the book with the shipped fonts', () => {
    expect(bundled(['init', '--profile', profile, '--agency', agency]).status).toBe(0);
    const doc = { issuingAgency: 'Ủy ban nhân dân tỉnh Đồng Nai', codeNumber: '15', codeNotation: 'QĐ-UBND', documentDate: '2026-01-05', documentType: 'Quyết định', subject: 'Về việc kiện toàn Ban chỉ đạo chuyển đổi số', files: [] };
    const added = bundled(['incoming', 'add', '--profile', profile, '-', '--json'], {}, JSON.stringify(doc));
    expect(added.status, added.stderr).toBe(0);
    expect(added.json()).toMatchObject({ arrivalNumber: 1 });
    const found = bundled(['search', '--profile', profile, 'chuyen doi so dong nai', '--json']);
    expect(found.status, found.stderr).toBe(0);
    expect(found.json<{ results: { rows: { subject: string }[] }[] }>().results.flatMap((r) => r.rows.map((d) => d.subject))).toEqual([doc.subject]);
    const pdf = join(t.dir, 'so-den.pdf');
    const exported = bundled(['register', 'export', '--profile', profile, '--kind', 'incoming', '--year', '2026', '--format', 'pdf', '--out', pdf]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/LiberationSerif/);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('kiện toàn Ban chỉ đạo');
  });

  describe('the token worker', () => {
    let hsm: SoftHsm;
    beforeAll(async () => {
      hsm = await createSoftHsm(await createTestPki(), { labels: ['LANH-DAO'] });
    }, 60_000);
    afterAll(() => hsm.cleanup());

    it('lists a SoftHSM token through the bundled worker', () => {
      const r = bundled(['token', 'list', '--module', hsm.modulePath, '--json'], hsm.env);
      expect(r.status, r.stderr).toBe(0);
      const modules = r.json<Array<{ status: string; tokens: Array<{ label: string }> }>>();
      expect(modules.find((m) => m.status === 'loaded')?.tokens.map((x) => x.label)).toContain('LANH-DAO');
    });
  });

  it('recognises a scan in the bundled OCR worker with the shipped Vietnamese model', async () => {
    const qd = prefillCorpus(12).find((c) => c.documentType === 'quyet-dinh');
    if (!qd) throw new Error('corpus without a quyết định');
    const [page] = rasterise(await renderNumberedDraft(qd), 200);
    const file = join(t.dir, 'qd.png');
    writeFileSync(file, page as Uint8Array);
    const r = bundled(['ocr', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Ký hiệu: ${expectedOf(qd).codeNotation}`);
  });
});

describe('bin/vanthu.js chooses the bundle or the sources', () => {
  // A stand-in bundle that only says it ran, with a manifest naming one real input.
  const fake = join(t.dir, 'fake');
  const plant = (manifest: Partial<CliManifest>) => {
    mkdirSync(fake, { recursive: true });
    writeFileSync(join(fake, CLI_FILES.entry), "console.log('from the bundle');\n");
    const full: CliManifest = { builtAtMs: Date.now(), root: relative(fake, ROOT), inputs: ['package.json', 'src/main/cli/main.ts'], ...manifest };
    writeFileSync(join(fake, CLI_FILES.manifest), JSON.stringify(full));
  };
  const auto = () => vanthu(['help'], { env: { VANTHU_CLI_BUNDLE: fake } });
  const SOURCE_HELP = /^vanthu — VanThu Desktop/;

  it('runs a bundle built after every file it was built from', () => {
    plant({});
    expect(auto().stdout).toBe('from the bundle\n');
  });

  it('runs the sources when a file changed after the build, or is gone, or the bundle comes from another folder', () => {
    plant({ builtAtMs: 0 });
    expect(auto().stdout).toMatch(SOURCE_HELP);
    plant({ inputs: ['src/main/cli/no-such-file.ts'] });
    expect(auto().stdout).toMatch(SOURCE_HELP);
    plant({ root: '../somewhere-else' });
    expect(auto().stdout).toMatch(SOURCE_HELP);
    expect(vanthu(['help'], { env: { VANTHU_CLI_BUNDLE: join(t.dir, 'nothing-here') } }).stdout).toMatch(SOURCE_HELP);
  });

  it('VANTHU_CLI=source skips a good bundle; VANTHU_CLI=bundle runs a stale one with a warning and refuses a missing one', () => {
    plant({});
    expect(vanthu(['help'], { env: { VANTHU_CLI_BUNDLE: fake, VANTHU_CLI: 'source' } }).stdout).toMatch(SOURCE_HELP);
    plant({ builtAtMs: 0 });
    const stale = vanthu(['help'], { env: { VANTHU_CLI_BUNDLE: fake, VANTHU_CLI: 'bundle' } });
    expect(stale.stdout).toBe('from the bundle\n');
    expect(stale.stderr).toMatch(/VANTHU_CLI=bundle: package\.json changed after the bundle was built; running the bundle anyway/);
    const missing = vanthu(['help'], { env: { VANTHU_CLI_BUNDLE: join(t.dir, 'nothing-here'), VANTHU_CLI: 'bundle' } });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/npm run build:cli/);
    expect(vanthu(['help'], { env: { VANTHU_CLI: 'fast' } }).status).toBe(2);
  });
});
