import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubSecret, hubSettings, saveHubSettings } from '../../src/main/hub/hub-settings.ts';
import { fileKeyCipher, SECRET_KEY_FILE, type SecretCipher } from '../../src/main/hub/secret-cipher.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { expectAppError } from '../support/app-error.ts';
import { newProfile } from '../support/temp-profile.ts';

// The hub settings of a profile: one JSON row, with the secret encrypted at rest by the fallback
// file-key cipher (the app passes Electron safeStorage instead).

const SECRET = 'A7TKG/r2gOKTEpe1MhWx6zw8O4JfzN0KkCRS6HZY81Ve';
const INPUT = { endpoint: 'https://truc.example.vn/XrdAdapter/adapter', systemId: 'vxp.saas.03', organId: '000.46.24.H17', secret: SECRET };

describe('hub settings and the stored secret', () => {
  let env: { profile: Profile; dir: string; cleanup: () => void };
  let cipher: SecretCipher;

  beforeEach(() => {
    env = newProfile();
    cipher = fileKeyCipher(env.dir);
  });
  afterEach(() => env.cleanup());

  it('round-trips the secret while the database, its audit log and the public settings never hold it', () => {
    expect(hubSettings(env.profile)).toBeNull();
    const saved = saveHubSettings(env.profile, INPUT, cipher);
    expect(saved).toEqual({
      endpoint: INPUT.endpoint,
      systemId: 'vxp.saas.03',
      organId: '000.46.24.H17',
      caCertificatePaths: [],
      scheduleTime: '17:00',
      enabled: true,
      hasSecret: true,
      secretCipher: 'file-key-aes-256-gcm',
    });
    expect(hubSecret(env.profile, cipher)).toBe(SECRET);

    const row = env.profile.db.prepare("SELECT value FROM settings WHERE key = 'hub'").pluck().get() as string;
    expect(row).not.toContain(SECRET);
    expect(row).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(JSON.parse(row).secret).toMatchObject({ cipher: 'file-key-aes-256-gcm' });
    const audit = env.profile.db.prepare("SELECT group_concat(details, '') FROM audit_log").pluck().get() as string;
    expect(audit).toContain('vxp.saas.03');
    expect(audit).not.toContain(SECRET);
    // Checkpoint so every page is in the main file, then look at its raw bytes.
    env.profile.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(env.dir, 'vanthu.db')).includes(Buffer.from(SECRET))).toBe(false);
  });

  it('creates the key file private to the user, and a fresh cipher on the same folder reads the secret', () => {
    saveHubSettings(env.profile, INPUT, cipher);
    const keyPath = join(env.dir, SECRET_KEY_FILE);
    expect(statSync(keyPath).size).toBe(32);
    if (process.platform !== 'win32') expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(hubSecret(env.profile, fileKeyCipher(env.dir))).toBe(SECRET);
  });

  it('keeps the stored secret when an update omits it, and changes it when given', () => {
    saveHubSettings(env.profile, INPUT, cipher);
    saveHubSettings(env.profile, { ...INPUT, secret: undefined, scheduleTime: '16:30', caCertificatePaths: ['/etc/hub-ca.pem'] }, cipher);
    expect(hubSecret(env.profile, cipher)).toBe(SECRET);
    expect(hubSettings(env.profile)).toMatchObject({ scheduleTime: '16:30', caCertificatePaths: ['/etc/hub-ca.pem'] });
    saveHubSettings(env.profile, { ...INPUT, secret: 'new-secret' }, cipher);
    expect(hubSecret(env.profile, cipher)).toBe('new-secret');
  });

  it('asks for the secret again when the key file is gone or another cipher stored it', () => {
    saveHubSettings(env.profile, INPUT, cipher);
    const other: SecretCipher = { kind: 'electron-safe-storage', encrypt: () => Buffer.alloc(0), decrypt: () => '' };
    expectAppError(() => hubSecret(env.profile, other), 'NOT_FOUND', /nhập lại khóa bí mật/);
    rmSync(join(env.dir, SECRET_KEY_FILE));
    expectAppError(() => hubSecret(env.profile, fileKeyCipher(env.dir)), 'NOT_FOUND', /nhập lại khóa bí mật/);
  });

  it('refuses bad input and a first save without a secret, changing nothing', () => {
    for (const bad of [
      { ...INPUT, endpoint: 'ftp://truc.example.vn' },
      { ...INPUT, endpoint: 'not a url' },
      { ...INPUT, systemId: '  ' },
      { ...INPUT, organId: '000.46.24.h17' },
      { ...INPUT, organId: `${'A'.repeat(36)}` },
      { ...INPUT, scheduleTime: '25:00' },
      { ...INPUT, secret: undefined },
    ]) {
      expectAppError(() => saveHubSettings(env.profile, bad, cipher), 'INVALID_INPUT');
    }
    expect(hubSettings(env.profile)).toBeNull();
  });
});
