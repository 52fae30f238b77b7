import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findLibreOffice } from '../../src/main/drafting/office-to-pdf.ts';

export { findLibreOffice };

// Converts many office documents to PDF in one LibreOffice run (its start-up is most of the
// time), with a private profile so a LibreOffice the user has open does not take the job.
export function convertWithLibreOffice(files: ReadonlyArray<{ name: string; data: string | Uint8Array }>, soffice: string): Map<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-lo-'));
  try {
    const inputs = files.map((f) => {
      const path = join(dir, f.name);
      writeFileSync(path, f.data);
      return path;
    });
    const profile = pathToFileURL(join(dir, 'profile')).href;
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'out'), ...inputs], { timeout: 600_000, stdio: 'ignore' });
    const out = new Map<string, Uint8Array>();
    for (const f of files) {
      const pdf = join(dir, 'out', f.name.replace(/\.[^.]+$/, '.pdf'));
      if (existsSync(pdf)) out.set(f.name, new Uint8Array(readFileSync(pdf)));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
