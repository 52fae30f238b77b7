import type { CrlServer } from './crl-server.ts';
import { createRoot, issue, type TestIdentity } from './test-pki.ts';

// A root, an intermediate CA whose certificate names the root's list on the loopback server
// (/root.crl), and two signers under the CA naming its list (/ca.crl), one of them to be revoked:
// the shape of a Vietnamese public CA under the national root.
export interface CrlPki {
  readonly root: TestIdentity;
  readonly ca: TestIdentity;
  readonly signer: TestIdentity;
  readonly revoked: TestIdentity;
  // A CA nobody trusts, for lists signed by the wrong key.
  readonly other: TestIdentity;
}

export async function createCrlPki(server: CrlServer): Promise<CrlPki> {
  const root = await createRoot('CN=VanThu CRL Test Root, O=VanThu Test, C=VN');
  const ca = await issue(root, { subject: 'CN=VanThu CRL Test CA, O=VanThu Test, C=VN', ca: true, crlDistributionPoints: [server.url('/root.crl')] });
  const [signer, revoked, other] = await Promise.all([
    issue(ca, { subject: 'CN=Nguyễn Văn Ký, O=UBND xã Thử Nghiệm, C=VN', crlDistributionPoints: [server.url('/ca.crl')] }),
    issue(ca, { subject: 'CN=Trần Thị Thu Hồi, O=UBND xã Thử Nghiệm, C=VN', crlDistributionPoints: [server.url('/ca.crl')] }),
    createRoot('CN=VanThu CRL Test CA, O=Kẻ Mạo Danh, C=VN'),
  ]);
  return { root, ca, signer, revoked, other };
}
