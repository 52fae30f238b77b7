import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { fsyncDirectory, mapFsError } from '../files/durable-fs.ts';

// How the hub secret is kept at rest. The desktop app passes Electron safeStorage (DPAPI,
// Keychain, libsecret); the CLI and machines without safeStorage use fileKeyCipher below.
export interface SecretCipher {
  readonly kind: string;
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
}

export const FILE_KEY_CIPHER = 'file-key-aes-256-gcm';
export const SECRET_KEY_FILE = 'hub-secret.key';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from('vanthu hub secret v1');

// AES-256-GCM under a random 32-byte key kept in a file of the profile folder (mode 0600; on
// Windows the folder's ACL applies). What it protects against: the database alone or a backup
// (backups carry the database and stored files, not this key) leaking the secret. What it does
// not: anyone who can read the whole profile folder as this user has the key next to the data.
// Restoring a backup on another machine therefore asks for the secret again.
export function fileKeyCipher(profileDir: string): SecretCipher {
  const keyPath = join(profileDir, SECRET_KEY_FILE);
  return {
    kind: FILE_KEY_CIPHER,
    encrypt(plain) {
      const key = loadOrCreateKey(keyPath);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(blob) {
      const key = readKey(keyPath);
      if (!key || blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw unreadable(keyPath);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 1 + IV_BYTES));
        decipher.setAAD(AAD);
        decipher.setAuthTag(blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable(keyPath);
      }
    },
  };
}

function unreadable(keyPath: string): AppError {
  return new AppError(
    'NOT_FOUND',
    'Không giải mã được khóa bí mật kết nối trục liên thông (tệp khóa bị thiếu hoặc hồ sơ được chuyển từ máy khác). Hãy nhập lại khóa bí mật trong phần cấu hình trục.',
    `hub secret cannot be decrypted with ${keyPath}`,
  );
}

function readKey(keyPath: string): Buffer | null {
  try {
    const key = readFileSync(keyPath);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

// Created once, atomically: written to a temporary name, fsynced, then hard-linked to the final
// name, which fails if another process (the CLI next to the app) made the key first; we then use
// theirs, so no secret is ever encrypted under a key that gets replaced.
function loadOrCreateKey(keyPath: string): Buffer {
  const existing = readKey(keyPath);
  if (existing) return existing;
  const temp = `${keyPath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const key = randomBytes(32);
      writeSync(fd, key);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, keyPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    fsyncDirectory(dirname(keyPath));
  } catch (e) {
    throw mapFsError(e, keyPath);
  } finally {
    rmSync(temp, { force: true });
  }
  const key = readKey(keyPath);
  if (!key) throw unreadable(keyPath);
  return key;
}
