import { createPrivateKey, sign } from 'node:crypto';
import type { RawSigner } from '../../src/main/signing/raw-signer.ts';
import type { TestIdentity } from './test-pki.ts';

// A RawSigner over a test identity's software key: what a token does, without the token, so CMS
// and PDF tests run without SoftHSM. RSA signs PKCS#1 v1.5 with SHA-256; EC returns DER ECDSA.
export function softwareSigner(identity: TestIdentity, chain: readonly TestIdentity[] = []): RawSigner {
  const key = createPrivateKey(identity.privateKeyPem);
  const keyAlgorithm = key.asymmetricKeyType === 'ec' ? 'EC' : 'RSA';
  return {
    certificate: identity.der,
    chain: chain.map((c) => c.der),
    keyAlgorithm,
    sign: async (data) => new Uint8Array(sign('sha256', data, { key, dsaEncoding: 'der' })),
  };
}
