import { childrenOf, contentOf, DerError, elementOf, expectTag, forEachChild, oidOf, readTlv, TAG, type Tlv, timeOf } from './der.ts';

// A certificate revocation list (RFC 5280 §5.1) read in place: the signed part, its signature,
// the issuer, the update times and a lookup of one serial number in the entries. A CA's list can
// hold hundreds of thousands of entries (and ride in a CMS); none of them is decoded until a
// serial number is asked for, and then only compared.

export interface CrlView {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  // DER of the issuer Name, to compare with a certificate's issuer.
  readonly issuer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  // The revocation time of `serial` (the INTEGER's content octets), or null when not listed.
  readonly revokedAt: (serial: Uint8Array) => Date | null;
  readonly entryCount: () => number;
}

function isTime(t: Tlv | undefined): t is Tlv {
  return t !== undefined && (t.tag === TAG.utcTime || t.tag === TAG.generalizedTime);
}

// Leading zero octets do not change an INTEGER's value; DER has none, but a sloppy CA may.
function sameSerial(a: Uint8Array, b: Uint8Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length - 1 && a[i] === 0) i++;
  while (j < b.length - 1 && b[j] === 0) j++;
  return Buffer.from(a.subarray(i)).equals(Buffer.from(b.subarray(j)));
}

// Throws DerError when the bytes are not a CertificateList.
export function readCrl(der: Uint8Array): CrlView {
  const outer = expectTag(readTlv(der, 0), TAG.sequence, 'CertificateList');
  if (outer.end !== der.length) throw new DerError('bytes after the CertificateList');
  const [tbsTlv, algorithmTlv, signatureTlv] = childrenOf(der, outer);
  if (!tbsTlv || !algorithmTlv || !signatureTlv) throw new DerError('CertificateList has fewer than three parts');
  expectTag(tbsTlv, TAG.sequence, 'tbsCertList');
  const algorithmOid = childrenOf(der, expectTag(algorithmTlv, TAG.sequence, 'signatureAlgorithm'))[0];
  if (!algorithmOid) throw new DerError('empty signatureAlgorithm');
  const bits = contentOf(der, expectTag(signatureTlv, TAG.bitString, 'signatureValue'));
  const fields = childrenOf(der, tbsTlv);
  let i = fields[0]?.tag === TAG.integer ? 1 : 0;
  i++; // the inner signature AlgorithmIdentifier
  const issuer = fields[i++];
  const thisUpdate = fields[i++];
  if (!issuer || !isTime(thisUpdate)) throw new DerError('tbsCertList lacks its issuer or thisUpdate');
  const next = fields[i];
  const nextUpdate = isTime(next) ? (i++, timeOf(der, next)) : null;
  const entries = fields[i]?.tag === TAG.sequence ? fields[i] : undefined;
  return {
    der,
    tbs: elementOf(der, tbsTlv),
    signatureAlgorithm: oidOf(contentOf(der, expectTag(algorithmOid, TAG.oid, 'algorithm'))),
    // The first content octet of a BIT STRING counts the unused bits (0 for a signature).
    signature: bits.subarray(1),
    issuer: elementOf(der, issuer),
    thisUpdate: timeOf(der, thisUpdate),
    nextUpdate,
    revokedAt(serial) {
      if (!entries) return null;
      let found: Date | null = null;
      forEachChild(der, entries, (entry) => {
        const number = readTlv(der, entry.contentStart, entry.contentEnd);
        if (number.tag !== TAG.integer || !sameSerial(contentOf(der, number), serial)) return true;
        found = timeOf(der, readTlv(der, number.end, entry.contentEnd));
        return false;
      });
      return found;
    },
    entryCount() {
      let n = 0;
      if (entries) forEachChild(der, entries, () => void n++);
      return n;
    },
  };
}
