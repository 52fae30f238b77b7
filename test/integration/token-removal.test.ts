import { rmSync } from 'node:fs';
import { verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.ts';
import { startTokenClient, type TokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm, type SoftHsmToken } from '../support/softhsm.ts';
import { createTestPki } from '../support/test-pki.ts';

// A token pulled out in the middle of a batch, and a worker that dies under pending calls.
//
// SoftHSM has no device to unplug. Its token is a folder; deleting the folder is the closest
// honest equivalent, and what SoftHSM then really answers is CKR_OBJECT_HANDLE_INVALID from
// C_SignInit (the key object is gone) and CKR_GENERAL_ERROR from C_GetTokenInfo. The session
// does not trust the code: after any failure it checks the token is still there.
let hsm: SoftHsm;
let client: TokenClient;
let token: SoftHsmToken;

beforeAll(async () => {
  hsm = await createSoftHsm(await createTestPki(), { labels: ['Rút ra'] });
  token = hsm.tokens[0] as SoftHsmToken;
  client = startTokenClient({ env: hsm.env });
});
afterAll(async () => {
  await client?.close();
  hsm?.cleanup();
});

describe('token removed mid-batch', () => {
  it('the signatures before the removal are good, the next one is TOKEN_UNAVAILABLE "đã bị rút", and the batch stops there', async () => {
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: token.serial, pin: token.pin });
    const signer = session.signer(CERT_IDS.rsa);
    const documents = Array.from({ length: 10 }, (_, i) => new TextEncoder().encode(`văn bản ${i}`));
    const signed: number[] = [];
    let stoppedBy: unknown = null;
    for (const [i, data] of documents.entries()) {
      if (i === 4) rmSync(token.dir, { recursive: true, force: true });
      try {
        const signature = await signer.sign(data);
        expect(verify('sha256', data, new X509Certificate(token.rsaCertificate).publicKey, signature)).toBe(true);
        signed.push(i);
      } catch (e) {
        stoppedBy = e;
        break;
      }
    }
    expect(signed).toEqual([0, 1, 2, 3]);
    expect(stoppedBy).toBeInstanceOf(AppError);
    expect((stoppedBy as AppError).code).toBe('TOKEN_UNAVAILABLE');
    expect((stoppedBy as AppError).messageVi).toMatch(/^Thiết bị ký số đã bị rút/);
    expect((stoppedBy as AppError).message).toMatch(/is gone \(C_Sign failed with CKR_OBJECT_HANDLE_INVALID\)/);

    // Later calls on the dead session fail the same way without touching the token, and the
    // session still closes cleanly.
    await expectAppErrorAsync(() => signer.sign(new Uint8Array([1])), 'TOKEN_UNAVAILABLE', /đã bị rút/);
    await session.close();
    const tokens = await client.listTokens(hsm.modulePath);
    expect(tokens.find((t) => t.serialNumber === token.serial)).toBeUndefined();
  });
});

// Worker scripts that stand in for a module that crashes the thread, and one that hangs (a PIN
// pad nobody answers), as data: URLs so no file is needed.
const workerScript = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

describe('worker that stops', () => {
  it('a worker that dies rejects every pending call instead of leaving it hanging', async () => {
    const dying = startTokenClient({
      workerUrl: workerScript("import { parentPort } from 'node:worker_threads'; let n = 0; parentPort.on('message', () => { if (++n === 2) process.exit(7); });"),
    });
    const calls = [dying.listTokens('/a.so'), dying.listModules([])];
    for (const call of calls) {
      const error = await expectAppErrorAsync(() => call, 'TOKEN_UNAVAILABLE', /đã dừng giữa chừng/);
      expect(error.message).toBe('token worker exited with code 7');
    }
    await dying.close();
  });

  it('close() terminates a worker stuck in a call and rejects that call', async () => {
    const stuck = startTokenClient({ workerUrl: workerScript("import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});"), shutdownTimeoutMs: 100 });
    const pending = stuck.listTokens('/a.so');
    const started = Date.now();
    await stuck.close();
    await expectAppErrorAsync(() => pending, 'TOKEN_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5000);
    await expectAppErrorAsync(() => stuck.listModules([]), 'INTERNAL');
  });

  it('a session does not outlive its worker: signing after close() is refused, not sent', async () => {
    // One client per process holds a module (see module-registry.ts): the file's client goes
    // first, and this one gets a SoftHSM of its own.
    await client.close();
    const fresh = await createSoftHsm(await createTestPki(), { labels: ['Lần hai'] });
    const own = startTokenClient({ env: fresh.env });
    try {
      const second = fresh.tokens[0] as SoftHsmToken;
      const session = await own.openSession({ modulePath: fresh.modulePath, tokenSerial: second.serial, pin: second.pin });
      const signer = session.signer(CERT_IDS.ec);
      expect((await signer.sign(new Uint8Array([5])))[0]).toBe(0x30);
      await own.close();
      await expectAppErrorAsync(() => signer.sign(new Uint8Array([5])), 'TOKEN_UNAVAILABLE', /đã dừng giữa chừng/);
    } finally {
      await own.close();
      fresh.cleanup();
    }
  });
});
