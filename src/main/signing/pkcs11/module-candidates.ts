import { win32 } from 'node:path';
import type { EvidenceGrade, ModuleOwner, ModuleOwnerKind, ModuleSource } from '../../../shared/domain/token-module-origin.ts';

// Where PKCS#11 modules may be: the DLL names Vietnamese CA tokens install, in the Windows system
// folders and the vendors' Program Files folders; the modules Windows registers beside a token's
// CSP or KSP (registry-modules.ts); SoftHSM and OpenSC on Linux; and whatever paths the clerk
// added by hand (kept by the caller in settings).

export interface KnownModuleName {
  readonly name: string;
  // The CA whose tokens install this file, or for middleware the token maker.
  readonly owner: string;
  readonly kind: ModuleOwnerKind;
  readonly grade: EvidenceGrade;
}

// Every name with its owner and how strong the evidence is, from ../shared/trust/PKCS11-MODULES.md
// (nothing here was run against a real token). Where that file grades a row "I/L", a name that
// hSignerBridge loads is I and one seen only in candidate lists is L. Left out on purpose: names
// the file calls invented or never found (vgca_csp11.dll, BkavCA_P11.dll, vnpt-ca_p11_v10.dll),
// and the candidate-list names whose owner it does not give (vdctdcsp11.dll, ngp11v211.dll,
// psapkcs.dll, ostc1_csp11.dll, U1000AUTO.dll): the listing would have to guess their CA.
export const KNOWN_MODULE_NAMES: readonly KnownModuleName[] = [
  { name: 'vnptca_p11_v6.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'V' },
  { name: 'vnpt-ca_csp11.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'V' },
  { name: 'vnptca_p11_v5.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'L' },
  { name: 'vnptca_p11_v7.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'L' },
  { name: 'vnptca_p11_v8.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'I' },
  { name: 'vnptca_p11_v81.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'L' },
  { name: 'vnptca_p11_v9.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'L' },
  { name: 'vnptca_p11_v10.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'I' },
  { name: 'vnptcav2_p11_v8.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'L' },
  { name: 'VNPTCACardv8csp11.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'L' },
  { name: 'vnpt-ca_v34.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'I' },
  { name: 'vnpt-ca_v4.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'I' },
  { name: 'vnpt-ca_cl_v1.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'I' },
  { name: 'gclib.dll', owner: 'VNPT-CA', kind: 'ca', grade: 'L' },
  // Viettel's own sign plugin asks for v6, v5, v4 and v2.
  { name: 'viettel-ca_v6.dll', owner: 'Viettel-CA', kind: 'ca', grade: 'V' },
  { name: 'viettel-ca_v5.dll', owner: 'Viettel-CA', kind: 'ca', grade: 'V' },
  { name: 'viettel-ca_v4.dll', owner: 'Viettel-CA', kind: 'ca', grade: 'V' },
  { name: 'viettel-ca_v3.dll', owner: 'Viettel-CA', kind: 'ca', grade: 'I' },
  { name: 'viettel-ca_v2.dll', owner: 'Viettel-CA', kind: 'ca', grade: 'V' },
  { name: 'viettel-ca_v1.dll', owner: 'Viettel-CA', kind: 'ca', grade: 'I' },
  { name: 'viettel-ca.dll', owner: 'Viettel-CA', kind: 'ca', grade: 'I' },
  { name: 'BkavCA.dll', owner: 'BKAV-CA', kind: 'ca', grade: 'V' },
  { name: 'BkavCAv2S.dll', owner: 'BKAV-CA', kind: 'ca', grade: 'V' },
  { name: 'bkavcaetoken.dll', owner: 'BKAV-CA', kind: 'ca', grade: 'V' },
  // SecureMetric's module, which the BkavCA Token Manager installs in its own folder.
  { name: 'st3csp11.dll', owner: 'BKAV-CA', kind: 'ca', grade: 'V' },
  { name: 'BkavCAv25.dll', owner: 'BKAV-CA', kind: 'ca', grade: 'L' },
  { name: 'BkavCAv2T.dll', owner: 'BKAV-CA', kind: 'ca', grade: 'L' },
  // A FPT plugin's own list is v3 and v4.
  { name: 'fptca_v3.dll', owner: 'FPT-CA', kind: 'ca', grade: 'I' },
  { name: 'fptca_v4.dll', owner: 'FPT-CA', kind: 'ca', grade: 'I' },
  { name: 'fptca_v5.dll', owner: 'FPT-CA', kind: 'ca', grade: 'L' },
  { name: 'fptca_v6.dll', owner: 'FPT-CA', kind: 'ca', grade: 'L' },
  { name: 'fpt-ca.dll', owner: 'FPT-CA', kind: 'ca', grade: 'I' },
  { name: 'fpt-ca_v4.dll', owner: 'FPT-CA', kind: 'ca', grade: 'I' },
  { name: 'fpt-ca_v5.dll', owner: 'FPT-CA', kind: 'ca', grade: 'I' },
  { name: 'fpt-ca-stx.dll', owner: 'FPT-CA', kind: 'ca', grade: 'L' },
  { name: 'CA2_csp11.dll', owner: 'CA2 (Nacencomm)', kind: 'ca', grade: 'I' },
  { name: 'CA2_v34.dll', owner: 'CA2 (Nacencomm)', kind: 'ca', grade: 'I' },
  { name: 'ca2_ace_csp11.dll', owner: 'CA2 (Nacencomm)', kind: 'ca', grade: 'L' },
  { name: 'CA2CSP11_v2.dll', owner: 'CA2 (Nacencomm)', kind: 'ca', grade: 'L' },
  ...[4, 5, 6, 7, 8, 9].map((v) => ({ name: `nca_v${v}.dll`, owner: 'CA2 (Nacencomm)', kind: 'ca', grade: 'L' }) as const),
  { name: 'nca_eps2k2a.dll', owner: 'CA2 (Nacencomm)', kind: 'ca', grade: 'L' },
  { name: 'nca_eps2k3a.dll', owner: 'CA2 (Nacencomm)', kind: 'ca', grade: 'L' },
  { name: 'ncca_csp11_v1.dll', owner: 'NC-CA', kind: 'ca', grade: 'I' },
  { name: 'newca_v4.dll', owner: 'NEWTEL-CA', kind: 'ca', grade: 'I' },
  { name: 'Vina-CA.dll', owner: 'SmartSign (Vina-CA)', kind: 'ca', grade: 'L' },
  { name: 'Vina-CAv3.dll', owner: 'SmartSign (Vina-CA)', kind: 'ca', grade: 'L' },
  { name: 'Vina-CAv4.dll', owner: 'SmartSign (Vina-CA)', kind: 'ca', grade: 'L' },
  { name: 'Vina-CAv5.dll', owner: 'SmartSign (Vina-CA)', kind: 'ca', grade: 'L' },
  { name: 'vina-ca_v1.dll', owner: 'SmartSign (Vina-CA)', kind: 'ca', grade: 'I' },
  { name: 'vina-ca_v3.dll', owner: 'SmartSign (Vina-CA)', kind: 'ca', grade: 'I' },
  { name: 'vina-ca_v5.dll', owner: 'SmartSign (Vina-CA)', kind: 'ca', grade: 'I' },
  { name: 'safe-ca.dll', owner: 'SAFE-CA', kind: 'ca', grade: 'L' },
  { name: 'Safe-ca_v1.dll', owner: 'SAFE-CA', kind: 'ca', grade: 'I' },
  { name: 'Safe-ca_v2.dll', owner: 'SAFE-CA', kind: 'ca', grade: 'I' },
  { name: 'efy-ca_v1.dll', owner: 'EFY-CA', kind: 'ca', grade: 'I' },
  { name: 'fca_v1.dll', owner: 'FastCA', kind: 'ca', grade: 'I' },
  { name: 'misaca_csp11_v2.dll', owner: 'MISA-CA', kind: 'ca', grade: 'I' },
  // bit4id's xPKI module: in Vietnam the Government CA's tokens (bit4id TokenME EVO v2) carry it,
  // as measured on a VGCA token; the grade stays I because the source is an integrator's notes.
  { name: 'bit4xpki.dll', owner: 'Ban Cơ yếu Chính phủ (VGCA)', kind: 'ca', grade: 'I' },
  { name: 'eTPKCS11.dll', owner: 'SafeNet eToken', kind: 'middleware', grade: 'I' },
  { name: 'eps2003csp11.dll', owner: 'Feitian ePass2003', kind: 'middleware', grade: 'I' },
  { name: 'eps2003csp11v2.dll', owner: 'Feitian ePass2003', kind: 'middleware', grade: 'I' },
  { name: 'ShuttleCsp11_3003.dll', owner: 'Feitian ePass3003', kind: 'middleware', grade: 'I' },
  { name: 'WDPKCS.dll', owner: 'Watchdata', kind: 'middleware', grade: 'I' },
  { name: 'IDPrimePKCS1164.dll', owner: 'Thales IDPrime', kind: 'middleware', grade: 'I' },
  { name: 'opensc-pkcs11.dll', owner: 'OpenSC', kind: 'middleware', grade: 'I' },
];

export const WINDOWS_MODULE_NAMES: readonly string[] = KNOWN_MODULE_NAMES.map((m) => m.name);

// Modules that sit deeper under Program Files than the vendor-folder search goes (OpenSC's
// installer puts its module three levels down).
export const PROGRAM_FILES_MODULES: readonly string[] = ['OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll'];

// Program Files folders are named by each vendor as it likes, so we look into those whose name
// mentions a vendor instead of guessing exact folder names.
export const VENDOR_FOLDER = /vnpt|viettel|bkav|fpt|nacencomm|ca2|nc-?ca|newtel|smartsign|vina-?ca|safe-?ca|efy|fast-?ca|misa|epass|feitian|safenet|gemalto|thales|watchdata|bit4id|vgca|ban co yeu/i;

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

export function programFilesCandidates(programFiles: readonly string[]): string[] {
  return programFiles.flatMap((root) => PROGRAM_FILES_MODULES.map((rel) => win32.join(root, rel)));
}

// Windows file names compare without case.
const BY_NAME = new Map(KNOWN_MODULE_NAMES.map((m) => [m.name.toLowerCase(), m]));

export function knownModuleName(fileName: string): KnownModuleName | undefined {
  return BY_NAME.get(fileName.toLowerCase());
}

export function isKnownWindowsModuleName(fileName: string): boolean {
  return knownModuleName(fileName) !== undefined;
}

export interface ModuleCandidate {
  readonly path: string;
  readonly source: ModuleSource;
  // The CSP or KSP name Windows registered the module's driver under (source 'registry').
  readonly provider?: string;
}

// Whose module this is, from its file name in the table. A path the clerk gave names no owner:
// the file there may have been copied or renamed, and a wrong CA is worse than none. The
// registry's candidates are files the token's driver registered, so their name counts.
export function ownerOf(candidate: ModuleCandidate): ModuleOwner | undefined {
  if (candidate.source === 'user') return undefined;
  const known = knownModuleName(win32.basename(candidate.path));
  return known ? { name: known.owner, kind: known.kind, grade: known.grade } : undefined;
}

// The clerk's own paths first (they chose them), then those found (registry before known
// names, so a module found both ways keeps the provider name), each path once. Windows paths
// compare without case.
export function mergeCandidates(userPaths: readonly string[], found: readonly ModuleCandidate[], platform: string): ModuleCandidate[] {
  const key = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
  const seen = new Set<string>();
  const out: ModuleCandidate[] = [];
  const add = (candidate: ModuleCandidate) => {
    const path = candidate.path.trim();
    if (path === '' || seen.has(key(path))) return;
    seen.add(key(path));
    out.push({ ...candidate, path });
  };
  for (const p of userPaths) add({ path: p, source: 'user' });
  for (const c of found) add(c);
  return out;
}
