import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { certifyKey, type TestPki } from './test-pki.ts';

// SoftHSM2 tokens for the token tests: a private config and token folder per call, each token
// initialised with softhsm2-util and given, through pkcs11-tool, an RSA 2048 and an EC P-256
// key pair made on the token, their certificates from the test root under the same CKA_ID, a
// certificate with no key, and the root CA certificate (for the chain). About a second; make
// one per test file.

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

const run = promisify(execFile);

export const CERT_IDS = { rsa: '01', ec: '02', keyless: '09', root: 'ca' } as const;

export interface SoftHsmToken {
  readonly label: string;
  readonly serial: string;
  readonly pin: string;
  readonly soPin: string;
  // The token's own folder: deleting it is how the tests pull the token out.
  readonly dir: string;
  readonly rsaSubject: string;
  readonly ecSubject: string;
  readonly rsaCertificate: Uint8Array;
  readonly ecCertificate: Uint8Array;
}

export interface SoftHsm {
  readonly modulePath: string;
  readonly env: Record<string, string>;
  readonly root: string;
  readonly tokens: readonly SoftHsmToken[];
  cleanup(): void;
}

export interface SoftHsmOptions {
  readonly labels?: readonly string[];
  // The only mechanisms the tokens offer (softhsm2.conf slots.mechanisms), e.g. without
  // CKM_SHA256_RSA_PKCS to exercise the CKM_RSA_PKCS fallback. Must include the key-pair
  // generation mechanisms. (SoftHSM 2.6.1 ignores the documented "-NAME" form: checked.)
  readonly onlyMechanisms?: readonly string[];
}

async function tool(env: Record<string, string>, args: string[]): Promise<string> {
  const { stdout } = await run('pkcs11-tool', ['--module', SOFTHSM_MODULE, ...args], { env: { ...process.env, ...env } });
  return stdout;
}

async function serialOf(env: Record<string, string>, label: string): Promise<string> {
  const { stdout } = await run('softhsm2-util', ['--show-slots'], { env: { ...process.env, ...env } });
  // Each token block lists "Serial number:" before "Label:".
  for (const block of stdout.split(/\n(?=Slot )/)) {
    const serial = /Serial number:\s*(\S+)/.exec(block)?.[1];
    if (serial && new RegExp(`Label:\\s*${label}\\s*$`, 'm').test(block)) return serial;
  }
  throw new Error(`softhsm2-util shows no token labelled ${label}`);
}

export async function createSoftHsm(pki: TestPki, options: SoftHsmOptions = {}): Promise<SoftHsm> {
  const root = mkdtempSync(join(tmpdir(), 'vanthu-softhsm-'));
  const tokenDir = join(root, 'tokens');
  const confPath = join(root, 'softhsm2.conf');
  const mechanisms = options.onlyMechanisms?.length ? options.onlyMechanisms.join(',') : 'ALL';
  mkdirSync(tokenDir);
  writeFileSync(confPath, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\nslots.mechanisms = ${mechanisms}\n`);
  const env = { SOFTHSM2_CONF: confPath };
  const tokens: SoftHsmToken[] = [];
  for (const [i, label] of (options.labels ?? ['VanThu Test']).entries()) {
    const pin = `1${i}2${i}3${i}`;
    const soPin = `9${i}8${i}7${i}`;
    const before = new Set(readdirSync(tokenDir));
    await run('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', soPin], { env: { ...process.env, ...env } });
    const dirName = readdirSync(tokenDir).find((d) => !before.has(d));
    if (!dirName) throw new Error(`softhsm2-util made no token folder for ${label}`);
    const serial = await serialOf(env, label);
    const login = ['--token-label', label, '--login', '--pin', pin];
    await tool(env, [...login, '--keypairgen', '--key-type', 'rsa:2048', '--id', CERT_IDS.rsa, '--label', 'Chữ ký RSA']);
    await tool(env, [...login, '--keypairgen', '--key-type', 'EC:prime256v1', '--id', CERT_IDS.ec, '--label', 'Chữ ký EC']);
    const certify = async (id: string, subject: string) => {
      const spkiPath = join(root, `${dirName}-${id}.spki`);
      await tool(env, ['--token-label', label, '--read-object', '--type', 'pubkey', '--id', id, '-o', spkiPath]);
      const certificate = await certifyKey(pki.root, new Uint8Array(readFileSync(spkiPath)), { subject });
      return new Uint8Array(certificate.rawData);
    };
    const rsaSubject = `CN=Nguyễn Văn Token ${i}, T=Chủ tịch, O=UBND xã Thử Nghiệm, C=VN`;
    const ecSubject = `CN=Lê Thị Token ${i}, T=Phó Chủ tịch, O=UBND xã Thử Nghiệm, C=VN`;
    const rsaCertificate = await certify(CERT_IDS.rsa, rsaSubject);
    const ecCertificate = await certify(CERT_IDS.ec, ecSubject);
    const write = async (id: string, der: Uint8Array, certLabel: string) => {
      const path = join(root, `${dirName}-${id}.cer`);
      writeFileSync(path, der);
      await tool(env, [...login, '--write-object', path, '--type', 'cert', '--id', id, '--label', certLabel]);
    };
    await write(CERT_IDS.rsa, rsaCertificate, 'Chữ ký RSA');
    await write(CERT_IDS.ec, ecCertificate, 'Chữ ký EC');
    await write(CERT_IDS.keyless, pki.agency.der, 'Không có khóa');
    await write(CERT_IDS.root, pki.root.der, 'Root CA');
    tokens.push({ label, serial, pin, soPin, dir: join(tokenDir, dirName), rsaSubject, ecSubject, rsaCertificate, ecCertificate });
  }
  return {
    modulePath: SOFTHSM_MODULE,
    env,
    root,
    tokens,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
