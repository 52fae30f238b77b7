import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../../shared/errors.ts';

// Drafts made in Word or LibreOffice (.docx, .doc, .odt, .rtf) become PDFs through LibreOffice
// when it is installed (issue 4 §1). It is not bundled: a clerk's machine has it or not, and
// the message says what to do when it has not.
const run = promisify(execFile);
const OFFICE_EXTENSIONS = new Set(['.docx', '.doc', '.odt', '.rtf']);
const CONVERT_TIMEOUT_MS = 120_000;

export interface NamedFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export function isOfficeFile(name: string): boolean {
  return OFFICE_EXTENSIONS.has(extname(name).toLowerCase());
}

// soffice on PATH, or where the Windows installer puts it.
export function findLibreOffice(env: Readonly<Record<string, string | undefined>> = process.env, platform: string = process.platform): string | null {
  const names = platform === 'win32' ? ['soffice.exe'] : ['soffice', 'libreoffice'];
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  if (platform === 'win32') {
    for (const root of [env.ProgramFiles, env['ProgramFiles(x86)']]) if (root) dirs.push(join(root, 'LibreOffice', 'program'));
  }
  for (const dir of dirs) for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

export async function officeToPdf(file: NamedFile, soffice: string | null = findLibreOffice()): Promise<NamedFile> {
  if (!soffice) {
    throw new AppError(
      'INVALID_INPUT',
      `Máy này chưa cài LibreOffice nên chưa chuyển được tệp "${file.name}" sang PDF. Hãy cài LibreOffice, hoặc mở tệp bằng Word và lưu thành PDF (Lưu thành → PDF) rồi nhập lại.`,
      `LibreOffice (soffice) not found for ${file.name}`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-office-'));
  try {
    const input = join(dir, `input${extname(file.name).toLowerCase()}`);
    writeFileSync(input, file.data);
    // A private LibreOffice profile: the clerk's own LibreOffice may be open, and its profile lock
    // would make a second instance hand the job over and exit without converting.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: CONVERT_TIMEOUT_MS });
    const output = join(dir, 'input.pdf');
    if (!existsSync(output)) throw new Error('no PDF produced');
    return { name: file.name.replace(/\.[^.]+$/, '.pdf'), data: readFileSync(output) };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', `LibreOffice không chuyển được tệp "${file.name}" sang PDF: hãy mở tệp và lưu thành PDF rồi nhập lại.`, `LibreOffice conversion of ${file.name} failed: ${(e as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The files of a new draft as PDFs: office documents converted, everything else as given.
export async function asPdfFiles<T extends NamedFile>(files: readonly T[]): Promise<NamedFile[]> {
  const out: NamedFile[] = [];
  for (const f of files) out.push(isOfficeFile(f.name) ? await officeToPdf(f) : f);
  return out;
}
