import { realpathSync } from 'node:fs';
import pkcs11js from 'pkcs11js';
import { ckrNameOf, tokenError } from './errors.ts';

export type Pkcs11 = pkcs11js.PKCS11;

// The PKCS#11 modules this worker has initialised. A module is initialised once per process
// (a second C_Initialize returns CKR_CRYPTOKI_ALREADY_INITIALIZED), so every user of a module
// in the worker goes through here; keyed by the real path, as /usr/lib/softhsm/libsofthsm2.so
// is a link to the same library as the multiarch path.
export class ModuleRegistry {
  private readonly modules = new Map<string, Pkcs11>();
  private readonly users = new Map<string, number>();

  keyOf(path: string): string {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  }

  isOpen(path: string): boolean {
    return this.modules.has(this.keyOf(path));
  }

  // `fresh`: finalise and initialise again when no session uses the module, because some
  // modules (SoftHSM among them) only see tokens that were there at C_Initialize.
  open(path: string, options: { fresh?: boolean } = {}): Pkcs11 {
    const key = this.keyOf(path);
    const existing = this.modules.get(key);
    if (existing && !(options.fresh && (this.users.get(key) ?? 0) === 0)) return existing;
    if (existing) this.finalize(key, existing);
    const module = new pkcs11js.PKCS11();
    try {
      module.load(path);
    } catch (e) {
      throw tokenError(e, `load ${path}`);
    }
    initialize(module, path);
    this.modules.set(key, module);
    return module;
  }

  // Sessions hold their module open: a fresh listing must not finalise under them.
  retain(path: string): void {
    const key = this.keyOf(path);
    this.users.set(key, (this.users.get(key) ?? 0) + 1);
  }

  release(path: string): void {
    const key = this.keyOf(path);
    this.users.set(key, Math.max(0, (this.users.get(key) ?? 0) - 1));
  }

  closeAll(): void {
    for (const [key, module] of this.modules) this.finalize(key, module);
  }

  private finalize(key: string, module: Pkcs11): void {
    this.modules.delete(key);
    this.users.delete(key);
    try {
      module.C_Finalize();
      module.close();
    } catch {
      // A module that fails to finalise (a removed device, a confused driver) is dropped anyway.
    }
  }
}

// CKR_CRYPTOKI_ALREADY_INITIALIZED here means an earlier worker in this process was terminated
// without C_Finalize; its sessions and login would still be live in the library, so finalise
// and start clean rather than inherit them.
export function initialize(module: Pkcs11, path: string): void {
  try {
    module.C_Initialize();
  } catch (e) {
    if (ckrNameOf(e) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') throw tokenError(e, `C_Initialize ${path}`);
    try {
      module.C_Finalize();
      module.C_Initialize();
    } catch (again) {
      throw tokenError(again, `C_Initialize ${path}`);
    }
  }
}
