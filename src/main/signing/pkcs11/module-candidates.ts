import { win32 } from 'node:path';
import type { ModuleSource } from './token-types.ts';

// Where PKCS#11 modules may be: the DLL names Vietnamese CA tokens install (signing.md), in the
// Windows system folders and the vendors' Program Files folders; SoftHSM and OpenSC on Linux;
// and whatever paths the clerk added by hand (kept by the caller in settings).

export const WINDOWS_MODULE_NAMES: readonly string[] = [
  'vnpt-ca_csp11.dll',
  'VNPT-CA_v34.dll',
  ...[6, 7, 8, 9, 10].map((v) => `vnptca_p11_v${v}.dll`),
  'viettel-ca.dll',
  ...[1, 2, 3, 4, 5, 6].map((v) => `viettel-ca_v${v}.dll`),
  'BkavCA.dll',
  'BkavCAv2S.dll',
  'fpt-ca.dll',
  'fptca_v3.dll',
  'CA2_csp11.dll',
  'ShuttleCsp11_3003.dll',
  'eps2003csp11.dll',
  'eps2003csp11v2.dll',
  'eTPKCS11.dll',
];

// Program Files folders are named by each vendor as it likes, so we look into those whose name
// mentions a vendor instead of guessing exact folder names.
export const VENDOR_FOLDER = /vnpt|viettel|bkav|fpt|nacencomm|ca2|newtel|epass|feitian|safenet|gemalto|thales|bit4id|vgca|ban co yeu/i;

export const LINUX_MODULE_PATHS: readonly string[] = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib64/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so',
  '/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so',
  '/usr/lib64/opensc-pkcs11.so',
  '/usr/lib64/pkcs11/opensc-pkcs11.so',
];

export interface WindowsFolders {
  readonly windir?: string;
  readonly programFiles: readonly string[];
}

export function windowsFoldersOf(env: Readonly<Record<string, string | undefined>>): WindowsFolders {
  const programFiles = [env['ProgramFiles'], env['ProgramFiles(x86)'], env['ProgramW6432']].filter((p): p is string => !!p);
  return { windir: env['WINDIR'] ?? env['SystemRoot'], programFiles: [...new Set(programFiles)] };
}

// System32 before SysWOW64: in a 64-bit process System32 holds the 64-bit DLLs, SysWOW64 the
// 32-bit ones (which the probe then reports as the wrong architecture).
export function windowsSystemCandidates(windir: string | undefined): string[] {
  if (!windir) return [];
  return ['System32', 'SysWOW64'].flatMap((folder) => WINDOWS_MODULE_NAMES.map((name) => win32.join(windir, folder, name)));
}

const WINDOWS_NAMES_LOWER = new Set(WINDOWS_MODULE_NAMES.map((n) => n.toLowerCase()));

export function isKnownWindowsModuleName(fileName: string): boolean {
  return WINDOWS_NAMES_LOWER.has(fileName.toLowerCase());
}

export interface ModuleCandidate {
  readonly path: string;
  readonly source: ModuleSource;
}

// The clerk's own paths first (they chose them), then the known ones, each path once. Windows
// paths compare without case.
export function mergeCandidates(userPaths: readonly string[], knownPaths: readonly string[], platform: string): ModuleCandidate[] {
  const key = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const seen = new Set<string>();
  const out: ModuleCandidate[] = [];
  const add = (path: string, source: ModuleSource) => {
    const trimmed = path.trim();
    if (trimmed === '' || seen.has(key(trimmed))) return;
    seen.add(key(trimmed));
    out.push({ path: trimmed, source });
  };
  for (const p of userPaths) add(p, 'user');
  for (const p of knownPaths) add(p, 'known');
  return out;
}
