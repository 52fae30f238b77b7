// What CMS building needs from a key, wherever the key lives (a PKCS#11 token in the app, a
// software key in tests): the certificate, the chain to include, and a signature over the DER
// of the signed attributes.
export type KeyAlgorithm = 'RSA' | 'EC';

export interface RawSigner {
  // DER X.509 certificate of the signer.
  readonly certificate: Uint8Array;
  // DER certificates of the issuing chain (without the signer's own), when known; may be empty.
  readonly chain: readonly Uint8Array[];
  readonly keyAlgorithm: KeyAlgorithm;
  // Signs `data` (the DER SET OF signed attributes) with SHA-256: RSA returns the PKCS#1 v1.5
  // signature (CKM_SHA256_RSA_PKCS); EC returns a DER ECDSA-Sig-Value (CKM_ECDSA over the
  // SHA-256 hash, r||s converted to DER).
  sign(data: Uint8Array): Promise<Uint8Array>;
}
