import { describe, expect, it } from 'vitest';
import { safeStorageCipher } from './safe-storage-cipher.ts';

type Backend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;

// A stand-in with Electron's safeStorage shape: what it seals, it opens. It records whether the
// Linux-only backend question was asked.
function storage(available: boolean, backend: Backend) {
  const asked: Backend[] = [];
  return {
    asked,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => {
      asked.push(backend);
      return backend;
    },
    encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
    decryptString: (blob: Buffer) => blob.toString().replace(/^sealed:/, ''),
  };
}

describe('safeStorageCipher', () => {
  it('seals with the desktop keyring on Linux', () => {
    const os = storage(true, 'gnome_libsecret');
    const cipher = safeStorageCipher(os, 'linux');
    expect(cipher?.kind).toBe('electron-safe-storage');
    expect(cipher?.encrypt('bí mật').toString()).toBe('sealed:bí mật');
    expect(cipher?.decrypt(Buffer.from('sealed:bí mật'))).toBe('bí mật');
    expect(os.asked).toEqual(['gnome_libsecret']);
  });

  it("falls back (null) on Linux's fixed-key basic_text and wherever encryption is unavailable", () => {
    expect(safeStorageCipher(storage(true, 'basic_text'), 'linux')).toBeNull();
    expect(safeStorageCipher(storage(false, 'gnome_libsecret'), 'linux')).toBeNull();
    expect(safeStorageCipher(storage(false, 'unknown'), 'win32')).toBeNull();
  });

  it('seals with DPAPI on Windows without asking for a Linux backend', () => {
    // Electron reports 'unknown' off Linux; a Windows machine is never refused for it.
    const os = storage(true, 'unknown');
    const cipher = safeStorageCipher(os, 'win32');
    expect(cipher?.kind).toBe('electron-safe-storage');
    expect(cipher?.encrypt('mật khẩu trục').toString()).toBe('sealed:mật khẩu trục');
    expect(cipher?.decrypt(Buffer.from('sealed:mật khẩu trục'))).toBe('mật khẩu trục');
    expect(os.asked).toEqual([]);
    // Even a (meaningless there) basic_text answer does not matter on Windows.
    expect(safeStorageCipher(storage(true, 'basic_text'), 'win32')?.kind).toBe('electron-safe-storage');
  });
});
