import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubClientFor } from '../../src/main/hub/hub-connection.ts';
import { hubSecret, hubSecretReadable, hubSettings, saveHubSettings } from '../../src/main/hub/hub-settings.ts';
import { FILE_KEY_CIPHER, fileKeyCipher, SECRET_KEY_FILE, type SecretCipher } from '../../src/main/hub/secret-cipher.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { expectAppError } from '../support/app-error.ts';
import { newProfile } from '../support/temp-profile.ts';

// The hub settings of a profile: one JSON row, the secret sealed at rest by this side's cipher
// (the file key here; the app passes Electron safeStorage), the organId taken from the agency
// profile and not stored twice.

const SECRET = 'A7TKG/r2gOKTEpe1MhWx6zw8O4JfzN0KkCRS6HZY81Ve';
const INPUT = { endpoint: 'https://truc.example.vn/XrdAdapter/adapter', systemId: 'vxp.saas.03', secret: SECRET };
const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n';

// What the app's safeStorage looks like to the stored row: another kind, another seal.
const appCipher: SecretCipher = {
  kind: 'electron-safe-storage',
  encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decrypt: (blob) => Buffer.from([...blob].map((b) => b ^ 0x5a)).toString('utf8'),
};

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
      caCertificatePaths: [],
      scheduleTime: '17:00',
      enabled: true,
      hasSecret: true,
      secretCipher: FILE_KEY_CIPHER,
    });
    expect(hubSecret(env.profile, cipher)).toBe(SECRET);

    const row = env.profile.db.prepare("SELECT value FROM settings WHERE key = 'hub'").pluck().get() as string;
    expect(row).not.toContain(SECRET);
    expect(row).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(JSON.parse(row)).not.toHaveProperty('organId');
    const audit = env.profile.db.prepare("SELECT group_concat(details, '') FROM audit_log").pluck().get() as string;
    expect(audit).toContain('vxp.saas.03');
    expect(audit).not.toContain(SECRET);
    env.profile.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(env.dir, 'vanthu.db')).includes(Buffer.from(SECRET))).toBe(false);
  });

  it('refuses an organId in the hub settings: the agency profile holds the one organId', () => {
    expectAppError(() => saveHubSettings(env.profile, { ...INPUT, organId: '000.46.24.H17' }, cipher), 'INVALID_INPUT');
    expect(hubSettings(env.profile)).toBeNull();
  });

  it('reads a row saved before the organId moved to the agency profile', () => {
    saveHubSettings(env.profile, INPUT, cipher);
    const row = JSON.parse(env.profile.db.prepare("SELECT value FROM settings WHERE key = 'hub'").pluck().get() as string) as Record<string, unknown>;
    env.profile.db.prepare("UPDATE settings SET value = ? WHERE key = 'hub'").run(JSON.stringify({ ...row, organId: '000.46.24.H17' }));
    expect(hubSettings(env.profile)).not.toHaveProperty('organId');
    expect(hubSecret(env.profile, cipher)).toBe(SECRET);
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
    saveHubSettings(env.profile, { ...INPUT, secret: undefined, scheduleTime: '16:30', enabled: false }, cipher);
    expect(hubSecret(env.profile, cipher)).toBe(SECRET);
    expect(hubSettings(env.profile)).toMatchObject({ scheduleTime: '16:30', enabled: false });
    saveHubSettings(env.profile, { ...INPUT, secret: 'new-secret' }, cipher);
    expect(hubSecret(env.profile, cipher)).toBe('new-secret');
  });

  it('says which side saved the secret and asks for it again on this side, both ways', () => {
    saveHubSettings(env.profile, INPUT, appCipher);
    expect(hubSecretReadable(env.profile, appCipher)).toBe(true);
    expect(hubSecretReadable(env.profile, cipher)).toBe(false);
    const fromCli = expectAppError(() => hubSecret(env.profile, cipher), 'NOT_FOUND', /ứng dụng VanThu.*nhập lại khóa bí mật ở đây/);
    expect(fromCli.data).toEqual({ storedCipher: 'electron-safe-storage', cipher: FILE_KEY_CIPHER });
    expectAppError(() => createHubClientFor(env.profile, cipher), 'NOT_FOUND', /nhập lại khóa bí mật/);

    saveHubSettings(env.profile, INPUT, cipher);
    expect(hubSecret(env.profile, cipher)).toBe(SECRET);
    expectAppError(() => hubSecret(env.profile, appCipher), 'NOT_FOUND', /dòng lệnh vanthu.*nhập lại khóa bí mật ở đây/);
  });

  it('asks for the secret again when the key file is gone', () => {
    saveHubSettings(env.profile, INPUT, cipher);
    rmSync(join(env.dir, SECRET_KEY_FILE));
    expectAppError(() => hubSecret(env.profile, fileKeyCipher(env.dir)), 'NOT_FOUND', /nhập lại khóa bí mật/);
  });

  it('checks the CA files when saved, naming the line of each unusable one', () => {
    const good = join(env.dir, 'hub-ca.pem');
    const notPem = join(env.dir, 'hub-ca.der');
    writeFileSync(good, CA_PEM);
    writeFileSync(notPem, Buffer.from([0x30, 0x82, 0x01, 0x0a]));
    const e = expectAppError(
      () => saveHubSettings(env.profile, { ...INPUT, caCertificatePaths: [good, join(env.dir, 'missing.pem'), notPem] }, cipher),
      'INVALID_INPUT',
      /Chứng thư CA/,
    );
    expect((e.data as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual(['caCertificatePaths.1', 'caCertificatePaths.2']);
    expect(hubSettings(env.profile)).toBeNull();
    expect(saveHubSettings(env.profile, { ...INPUT, caCertificatePaths: [good] }, cipher).caCertificatePaths).toEqual([good]);
  });

  it('refuses bad input and a first save without a secret, changing nothing', () => {
    for (const bad of [
      { ...INPUT, endpoint: 'ftp://truc.example.vn' },
      { ...INPUT, endpoint: 'not a url' },
      { ...INPUT, systemId: '  ' },
      { ...INPUT, systemId: 'có dấu' },
      { ...INPUT, scheduleTime: '25:00' },
      { ...INPUT, scheduleTime: '7:00' },
      { ...INPUT, secret: undefined },
    ]) {
      expectAppError(() => saveHubSettings(env.profile, bad, cipher), 'INVALID_INPUT');
    }
    const noSecret = expectAppError(() => saveHubSettings(env.profile, { ...INPUT, secret: undefined }, cipher), 'INVALID_INPUT');
    expect(noSecret.data).toEqual({ issues: [{ path: 'secret', message: 'cần nhập khóa bí mật do trục cấp' }] });
    expect(hubSettings(env.profile)).toBeNull();
  });
});
