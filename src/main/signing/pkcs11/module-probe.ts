import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import { ckrNameOf } from './errors.ts';
import { architectureMismatch, readLibraryHeader } from './library-architecture.ts';
import { isKnownWindowsModuleName, LINUX_MODULE_PATHS, mergeCandidates, ownerOf, programFilesCandidates, VENDOR_FOLDER, windowsFoldersOf, windowsSystemCandidates, type ModuleCandidate } from './module-candidates.ts';
import type { ModuleRegistry, Pkcs11 } from './module-registry.ts';
import type { LibraryInfo, ModuleReport } from './token-types.ts';

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(4096);
    const n = readSync(fd, bytes, 0, bytes.length, 0);
    return bytes.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function libraryInfo(module: Pkcs11): LibraryInfo {
  const info = module.C_GetInfo();
  return {
    description: info.libraryDescription.trim(),
    manufacturer: info.manufacturerID.trim(),
    version: `${info.libraryVersion.major}.${info.libraryVersion.minor}`,
  };
}

// Why the OS loader refused the file, in the clerk's words. Linux dlopen and Windows
// LoadLibrary word it differently; the detail keeps the loader's own text.
function loadFailureVi(message: string): string {
  if (/C_GetFunctionList/.test(message)) return 'Tệp là thư viện nhưng không phải thư viện PKCS#11 (không có hàm C_GetFunctionList).';
  if (/\b126\b|specified module could not be found/i.test(message)) {
    return 'Không nạp được thư viện: thiếu một thư viện phụ thuộc của nó. Hãy cài lại phần mềm của nhà cung cấp thiết bị ký số.';
  }
  return 'Tệp không phải là thư viện nạp được (không phải tệp DLL/.so hợp lệ hoặc tệp bị hỏng).';
}

// Loads one module (C_Initialize, C_GetInfo, C_Finalize) and says whether it is usable and,
// if not, why. A module the worker already holds open is reported from that instance.
export function probeModule(candidate: ModuleCandidate, registry: ModuleRegistry): ModuleReport {
  const { path } = candidate;
  const owner = ownerOf(candidate);
  // Where it was found and whose it is go with every report, a failed one too: "the VNPT-CA
  // module is 32-bit" says more to the clerk than a file name.
  const found = { path, source: candidate.source, ...(candidate.provider ? { provider: candidate.provider } : {}), ...(owner ? { owner } : {}) };
  if (!existsSync(path) || !statSync(path).isFile()) {
    return { ...found, status: 'missing', reasonVi: 'Không tìm thấy tệp thư viện ở đường dẫn này.', detail: 'file not found' };
  }
  let head: Uint8Array;
  try {
    head = readHead(path);
  } catch (e) {
    return { ...found, status: 'failed', reasonVi: 'Không đọc được tệp thư viện (không có quyền đọc?).', detail: (e as Error).message };
  }
  const header = readLibraryHeader(head);
  const mismatch = architectureMismatch(header, process.arch);
  if (mismatch) return { ...found, status: 'failed', reasonVi: mismatch, detail: `${header.format} library for ${header.arch}, process is ${process.arch}` };
  if (registry.isOpen(path)) return { ...found, status: 'loaded', library: libraryInfo(registry.open(path)) };

  const module = new pkcs11js.PKCS11();
  try {
    module.load(path);
  } catch (e) {
    const message = (e as Error).message;
    return { ...found, status: 'failed', reasonVi: loadFailureVi(message), detail: message };
  }
  try {
    let initialized = false;
    try {
      module.C_Initialize();
      initialized = true;
    } catch (e) {
      const ckr = ckrNameOf(e);
      // Someone else in this process holds it initialised: usable, and not ours to finalise.
      if (ckr !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
        return { ...found, status: 'failed', reasonVi: `Thư viện PKCS#11 không khởi động được (mã lỗi ${ckr ?? 'không rõ'}).`, detail: `C_Initialize: ${ckr ?? (e as Error).message}` };
      }
    }
    const library = libraryInfo(module);
    if (initialized) module.C_Finalize();
    return { ...found, status: 'loaded', library };
  } catch (e) {
    const ckr = ckrNameOf(e);
    return { ...found, status: 'failed', reasonVi: `Thư viện PKCS#11 báo lỗi khi đọc thông tin (mã lỗi ${ckr ?? 'không rõ'}).`, detail: ckr ?? (e as Error).message };
  } finally {
    try {
      module.close();
    } catch {
      // Unloading is best effort; the report is already decided.
    }
  }
}

// Known module names inside vendor folders of Program Files, two levels deep (vendor\product).
function vendorModules(programFiles: readonly string[]): string[] {
  const found: string[] = [];
  const list = (dir: string) => {
    try {
      return readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const root of programFiles) {
    for (const vendor of list(root)) {
      if (!vendor.isDirectory() || !VENDOR_FOLDER.test(vendor.name)) continue;
      const vendorDir = join(root, vendor.name);
      for (const entry of list(vendorDir)) {
        if (entry.isFile() && isKnownWindowsModuleName(entry.name)) found.push(join(vendorDir, entry.name));
        if (!entry.isDirectory()) continue;
        for (const inner of list(join(vendorDir, entry.name))) {
          if (inner.isFile() && isKnownWindowsModuleName(inner.name)) found.push(join(vendorDir, entry.name, inner.name));
        }
      }
    }
  }
  return found;
}

export function knownModulePaths(platform: string, env: Readonly<Record<string, string | undefined>>): string[] {
  if (platform === 'win32') {
    const folders = windowsFoldersOf(env);
    return [...windowsSystemCandidates(folders.windir), ...vendorModules(folders.programFiles), ...programFilesCandidates(folders.programFiles)];
  }
  return [...LINUX_MODULE_PATHS];
}

// Every user path is reported (a missing one is worth saying); the ones found (through the
// registry, `registryFound`, or by known names) only when the file is there, and a library
// reached by two paths (a symlink) only once.
export function discoverModules(userPaths: readonly string[], registryFound: readonly ModuleCandidate[], registry: ModuleRegistry): ModuleReport[] {
  const known = knownModulePaths(process.platform, process.env).map((path): ModuleCandidate => ({ path, source: 'known' }));
  const candidates = mergeCandidates(userPaths, [...registryFound, ...known], process.platform).filter((c) => c.source === 'user' || existsSync(c.path));
  const seen = new Set<string>();
  const reports: ModuleReport[] = [];
  for (const candidate of candidates) {
    const key = registry.keyOf(candidate.path);
    if (seen.has(key)) continue;
    seen.add(key);
    reports.push(probeModule(candidate, registry));
  }
  return reports;
}
