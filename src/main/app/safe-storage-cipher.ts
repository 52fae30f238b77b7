import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../hub/secret-cipher.ts';

export const SAFE_STORAGE_CIPHER = 'electron-safe-storage';

// The hub secret at rest, sealed by the operating system (DPAPI on Windows, the Keychain on
// macOS, the desktop keyring on Linux). Where the OS offers none — or only Chromium's
// 'basic_text', a fixed key that hides nothing — the caller falls back to the profile's key file
// (docs/sync.md says what each protects against). Electron's object and the platform are passed
// in: only main.ts loads electron, and a test on Linux can ask what Windows would do.
// getSelectedStorageBackend() exists on Linux only: elsewhere it is never called.
export function safeStorageCipher(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>,
  platform: NodeJS.Platform = process.platform,
): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    kind: SAFE_STORAGE_CIPHER,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (blob) => safeStorage.decryptString(blob),
  };
}
