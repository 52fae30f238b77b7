import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder.yml read by electron-builder's own loader and checked against its own schema,
// so a misspelt option fails here rather than being ignored by the Windows build we cannot run on
// this machine.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const quietDebug = { isEnabled: false, add() {} } as unknown as Parameters<typeof validateConfiguration>[1];

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(ROOT, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, quietDebug)).resolves.toBeUndefined();
  });

  it('would reject a misspelt option (the schema check is real)', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, oneclick: false } } as Configuration;
    await expect(validateConfiguration(misspelt, quietDebug)).rejects.toThrow(/configuration\.nsis/);
  });

  it('sets every Electron fuse explicitly, each to its secure value', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an assisted, per-user NSIS installer for Windows x64, in Vietnamese', () => {
    expect(config.appId).toBe('vn.gov.vanthu.desktop');
    expect(config.productName).toBe('VanThu');
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['vi_VN'],
      language: '1066',
      deleteAppDataOnUninstall: false,
    });
  });

  it('packs the built app into an asar with native binaries unpacked, and resources beside it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // The loader normalises `files` into file sets; what counts is the patterns they hold.
    const patterns = (config.files as Array<string | { filter?: string[] }>).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'package.json']));
    expect(patterns.filter((p) => !p.startsWith('!') && /^(src|test|scripts)\//.test(p))).toEqual([]);
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*', '!demo/**'] }]);
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toBeNull();
  });
});
