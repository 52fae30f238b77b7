import { join } from 'node:path';
import { fileKeyCipher, type SecretCipher } from '../hub/secret-cipher.ts';
import { createServices, type Services } from '../services/create-services.ts';
import type { BundlePaths } from './bundle-layout.ts';

// What the shell takes from Electron to build the services; kept apart from main.ts so that a
// test builds the services exactly as the shell does, without Electron.
export interface ShellHost {
  readonly isPackaged: boolean;
  // process.resourcesPath and app.getAppPath().
  readonly resourcesPath: string;
  readonly appPath: string;
  readonly profileDir: string;
  // Electron safeStorage as a cipher, or null where the OS offers none. Asked at each use, after
  // 'ready' (before it the OS keyring may not be known).
  readonly osCipher: () => SecretCipher | null;
  // shell.openPath: resolves to '' on success, to an error text otherwise.
  readonly openPath: (path: string) => Promise<string>;
  readonly paths: Pick<BundlePaths, 'tokenWorker' | 'quickCheckWorker' | 'ocrWorker'>;
}

export function createShellServices(host: ShellHost): Services {
  return createServices({
    profileDir: host.profileDir,
    // extraResources (electron-builder.yml) puts <repo>/resources at <install>/resources/resources.
    resourcesDir: host.isPackaged ? join(host.resourcesPath, 'resources') : join(host.appPath, 'resources'),
    desktop: { openPath: async (path) => (await host.openPath(path)) === '' },
    // Where the OS offers no keyring, the profile's key file (docs/sync.md).
    cipherFor: (p) => host.osCipher() ?? fileKeyCipher(p.paths.root),
    tokenWorkerUrl: host.paths.tokenWorker,
    quickCheckWorkerUrl: host.paths.quickCheckWorker,
    ocrWorkerPath: host.paths.ocrWorker,
  });
}
