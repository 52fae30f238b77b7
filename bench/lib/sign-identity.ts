import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createNssDb, type NssDb } from '../../test/support/nss.ts';
import { SOFTHSM_MODULE } from '../../test/support/softhsm.ts';
import { createRoot, issue } from '../../test/support/test-pki.ts';

const run = promisify(execFile);

export const CERT_ID = '01';

export interface BenchToken {
  readonly modulePath: string;
  readonly env: Record<string, string>;
  readonly serial: string;
  readonly pin: string;
  readonly certificateId: string;
}

export interface BenchIdentity {
  readonly token: BenchToken;
  readonly nss: NssDb;
  readonly subject: string;
}

// One RSA 2048 key and its certificate in both signers, so the two sides do the same private-key
// work: the key is made in software (SoftHSM keys cannot be exported), written into a SoftHSM
// token with pkcs11-tool (--write-object --type privkey, the certificate under the same CKA_ID),
// and into an NSS database as PKCS#12 for pdfsig.
export async function createBenchIdentity(dir: string): Promise<BenchIdentity> {
  const root = await createRoot('CN=VanThu Bench Root CA, O=VanThu Test, C=VN');
  const signer = await issue(root, { subject: 'CN=UBND xã Thử Nghiệm, O=UBND xã Thử Nghiệm, C=VN' });
  const tokenDir = join(dir, 'softhsm');
  mkdirSync(join(tokenDir, 'tokens'), { recursive: true });
  const conf = join(tokenDir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${join(tokenDir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { SOFTHSM2_CONF: conf };
  const options = { env: { ...process.env, ...env } };
  const pin = '123456';
  const label = 'VanThu Bench';
  await run('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', '876543'], options);
  const keyPath = join(tokenDir, 'signer-key.pem');
  const certPath = join(tokenDir, 'signer.cer');
  writeFileSync(keyPath, signer.privateKeyPem, { mode: 0o600 });
  writeFileSync(certPath, signer.der);
  const login = ['--module', SOFTHSM_MODULE, '--token-label', label, '--login', '--pin', pin];
  await run('pkcs11-tool', [...login, '--write-object', keyPath, '--type', 'privkey', '--id', CERT_ID, '--label', 'Bench RSA', '--usage-sign'], options);
  await run('pkcs11-tool', [...login, '--write-object', certPath, '--type', 'cert', '--id', CERT_ID, '--label', 'Bench RSA'], options);
  const { stdout } = await run('softhsm2-util', ['--show-slots'], options);
  const serial = stdout
    .split(/\n(?=Slot )/)
    .filter((block) => new RegExp(`Label:\\s*${label}\\s*$`, 'm').test(block))
    .map((block) => /Serial number:\s*(\S+)/.exec(block)?.[1])
    .find((s) => s !== undefined);
  if (!serial || readdirSync(join(tokenDir, 'tokens')).length !== 1) throw new Error(`softhsm2-util shows no token labelled ${label}`);
  const nss = createNssDb(join(dir, 'nss'), root, signer);
  return { token: { modulePath: SOFTHSM_MODULE, env, serial, pin, certificateId: CERT_ID }, nss, subject: signer.subject };
}
