import { constants, createVerify, publicDecrypt } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { nodeHashName, type SignedDataParts, type SignerCheck, signerKey, verifyKeyFor } from './cms-signed-data.ts';
import type { SignedContent } from './signed-content.ts';

// A signer with no signed attributes signs the content itself (RFC 5652 §5.4), as older signing
// tools wrote PDF signatures: adbe.pkcs7.detached over the byte ranges, adbe.pkcs7.sha1 over the
// SHA-1 it encapsulates. With RSA PKCS#1 v1.5 the digest the signer signed is recovered from the
// signature and compared with ours, so a changed file is told apart from a wrong signature; for
// PSS and ECDSA the content is streamed through a verifier, which can only say yes or no.

// DER DigestInfo prefixes (RFC 8017 §9.2 note 1), with and without the NULL parameters some
// signers leave out; the digest follows.
const DIGEST_INFO: Readonly<Record<string, readonly string[]>> = {
  sha1: ['3021300906052b0e03021a05000414', '301f300706052b0e03021a0414'],
  sha256: ['3031300d060960864801650304020105000420', '302f300b06096086480165030402010420'],
  sha384: ['3041300d060960864801650304020205000430', '303f300b06096086480165030402020430'],
  sha512: ['3051300d060960864801650304020305000440', '304f300b06096086480165030402030440'],
};

const unsupported = (problem: string): SignerCheck => ({ digestMatches: false, signatureValid: false, supported: false, problem });

function recoveredDigest(recovered: Buffer, hash: string): Buffer | null {
  for (const prefix of DIGEST_INFO[hash] ?? []) {
    const head = Buffer.from(prefix, 'hex');
    if (recovered.length === head.length + head[head.length - 1]! && recovered.subarray(0, head.length).equals(head)) return recovered.subarray(head.length);
  }
  return null;
}

export async function checkUnattributedSigner(parts: SignedDataParts, signerCertificate: pkijs.Certificate, content: SignedContent): Promise<SignerCheck> {
  const { signerInfo } = parts;
  const hash = nodeHashName(signerInfo.digestAlgorithm.algorithmId);
  if (!hash) return unsupported(`digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not supported`);
  const key = signerKey(signerCertificate);
  if ('unsupported' in key) return unsupported(key.unsupported);
  const verifyKey = verifyKeyFor(signerInfo, key);
  if ('unsupported' in verifyKey) return unsupported(verifyKey.unsupported);
  const signature = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);

  if (verifyKey.kind === 'rsa') {
    let recovered: Buffer;
    try {
      recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    } catch {
      return { digestMatches: false, signatureValid: false, supported: true, problem: 'the signature value does not verify with the signer certificate key' };
    }
    const signed = recoveredDigest(recovered, hash);
    if (!signed) return { digestMatches: false, signatureValid: false, supported: true, problem: `the signature does not hold a ${hash} digest` };
    const digestMatches = signed.equals(await content.digest(hash));
    return { digestMatches, signatureValid: true, supported: true, ...(digestMatches ? {} : { problem: `the ${hash} digest the signer signed differs from the digest of the signed content` }) };
  }
  const verifier = createVerify(hash);
  await content.stream((chunk) => verifier.update(chunk));
  const ok = verifier.verify(verifyKey.key, signature);
  return ok
    ? { digestMatches: true, signatureValid: true, supported: true }
    : { digestMatches: false, signatureValid: false, supported: true, problem: `the ${verifyKey.kind} signature over the signed content does not verify (a changed content and a wrong signature look the same here)` };
}
