import { describe, expect, it } from 'vitest';
import { safeStorageCipher } from './safe-storage-cipher.ts';

// A stand-in with Electron's safeStorage shape: what it seals, it opens.
function storage(available: boolean, backend: ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
    decryptString: (blob: Buffer) => blob.toString().replace(/^sealed:/, ''),
  };
}

describe('safeStorageCipher', () => {
  it('seals with the OS keyring when there is one', () => {
    const cipher = safeStorageCipher(storage(true, 'gnome_libsecret'));
    expect(cipher?.kind).toBe('electron-safe-storage');
    expect(cipher?.decrypt(cipher.encrypt('bí mật'))).toBe('bí mật');
  });

  it("falls back (null) without encryption, and on Linux's fixed-key basic_text", () => {
    expect(safeStorageCipher(storage(false, 'unknown'))).toBeNull();
    if (process.platform === 'linux') expect(safeStorageCipher(storage(true, 'basic_text'))).toBeNull();
  });
});
