import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bridgeCall, startTestBridge, type TestBridge } from './bridge.ts';
import { ROOT } from './cli.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm } from './softhsm.ts';
import { tempDir } from './temp-profile.ts';
import { createTestPki, type TestPki } from './test-pki.ts';

// What the signing and issuance tests over the bridge share: a test CA, two SoftHSM tokens
// (LANH-DAO for the leader, CO-QUAN for the agency), the bridge with their PKCS#11 environment,
// and a scratch folder.
export interface SigningBridge {
  readonly pki: TestPki;
  readonly hsm: SoftHsm;
  readonly bridge: TestBridge;
  readonly dir: string;
  // The token fields of signing.sign and the issuance steps: 0 = leader, 1 = agency.
  token(i: 0 | 1): { modulePath: string; tokenSerial: string; certificateId: string; pin: string };
  cleanup(): Promise<void>;
}

export function placeholderPng(name: 'signature-placeholder.png' | 'seal-placeholder.png'): string {
  return readFileSync(join(ROOT, 'resources', 'signing', name)).toString('base64');
}

export async function startSigningBridge(options: { images?: boolean; trustTestRoot?: boolean } = {}): Promise<SigningBridge> {
  const t = tempDir();
  const pki = await createTestPki();
  const hsm = await createSoftHsm(pki, { labels: ['LANH-DAO', 'CO-QUAN'] });
  const bridge = await startTestBridge({ tokenEnv: hsm.env });
  writeFileSync(join(t.dir, 'root.pem'), pki.root.pem);
  await bridgeCall(bridge, 'signing.saveSettings', {
    ...(options.images ? { signatureImageBase64: placeholderPng('signature-placeholder.png'), sealImageBase64: placeholderPng('seal-placeholder.png') } : {}),
    ...(options.trustTestRoot ? { trustAnchorDirs: [t.dir] } : {}),
  });
  return {
    pki,
    hsm,
    bridge,
    dir: t.dir,
    token: (i) => ({ modulePath: hsm.modulePath, tokenSerial: hsm.tokens[i]!.serial, certificateId: CERT_IDS.rsa, pin: hsm.tokens[i]!.pin }),
    cleanup: async () => {
      await bridge.cleanup();
      hsm.cleanup();
      t.cleanup();
    },
  };
}
