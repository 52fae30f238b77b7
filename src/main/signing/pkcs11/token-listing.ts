import pkcs11js from 'pkcs11js';
import { pinStatusOf, TOKEN_FLAG } from '../../../shared/domain/pin-status.ts';
import { summarizeCertificate } from './certificate-summary.ts';
import { tokenError } from './errors.ts';
import type { Pkcs11 } from './module-registry.ts';
import { readTokenObjects, type CertificateObject, type TokenObjects } from './token-objects.ts';
import type { TokenCertificate, TokenInfo } from './token-types.ts';

// A certificate is offered for signing only when its key is on the token, matched by CKA_ID
// (the link PKCS#11 tokens keep between a certificate and its key pair).
//
// Before login most tokens hide private keys (CKA_PRIVATE is true: SoftHSM, SafeNet, ePass,
// Bit4id), so the listing also accepts the public key object with the same CKA_ID, which these
// tokens keep public, as the witness that the key pair was made or imported there. After login
// the session matches against the private keys themselves, and only those certificates can sign.
export function certificatesWithKeys(objects: TokenObjects, acceptPublicKey: boolean): CertificateObject[] {
  const privateIds = new Set(objects.privateKeys.map((k) => k.id));
  return objects.certificates.filter((c) => c.id !== '' && (privateIds.has(c.id) || (acceptPublicKey && objects.publicKeyIds.has(c.id))));
}

export function summarize(certificates: readonly CertificateObject[]): TokenCertificate[] {
  const out: TokenCertificate[] = [];
  for (const c of certificates) {
    try {
      const summary = summarizeCertificate(c.id, c.label, c.der);
      if (summary) out.push(summary);
    } catch {
      // A certificate that does not parse cannot sign; the others on the token still can.
    }
  }
  return out;
}

export function slotIdOf(slot: Buffer): string {
  return (slot.length >= 8 ? slot.readBigUInt64LE() : BigInt(slot.readUInt32LE())).toString();
}

export function listTokens(module: Pkcs11): TokenInfo[] {
  let slots: Buffer[];
  try {
    slots = module.C_GetSlotList(true);
  } catch (e) {
    throw tokenError(e, 'C_GetSlotList');
  }
  const tokens: TokenInfo[] = [];
  for (const slot of slots) {
    let info: pkcs11js.TokenInfo;
    try {
      info = module.C_GetTokenInfo(slot);
    } catch {
      // Pulled out between the slot list and this call: not a token any more.
      continue;
    }
    const initialized = (info.flags & TOKEN_FLAG.tokenInitialized) !== 0;
    tokens.push({
      slotId: slotIdOf(slot),
      label: info.label.trim(),
      serialNumber: info.serialNumber.trim(),
      manufacturer: info.manufacturerID.trim(),
      model: info.model.trim(),
      flags: info.flags,
      pinStatus: pinStatusOf(info.flags),
      certificates: initialized ? summarize(certificatesWithKeys(readPublicObjects(module, slot), true)) : [],
    });
  }
  return tokens;
}

function readPublicObjects(module: Pkcs11, slot: Buffer): TokenObjects {
  let session: Buffer | null = null;
  try {
    session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    return readTokenObjects(module, session);
  } catch (e) {
    throw tokenError(e, 'reading token objects');
  } finally {
    if (session) closeQuietly(module, session);
  }
}

export function closeQuietly(module: Pkcs11, session: Buffer): void {
  try {
    module.C_CloseSession(session);
  } catch {
    // Already gone with the device; nothing left to release.
  }
}
