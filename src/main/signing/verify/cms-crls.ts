import { childrenOf, DerError, elementOf, expectTag, readTlv, TAG, type Tlv } from './der.ts';

// Takes the revocation lists out of a CMS SignedData (its `crls` field, [1] IMPLICIT) before the
// CMS is parsed: Viettel-CA's signing tools put the CA's whole CRL there, a megabyte and tens of
// thousands of entries, more nodes than the ASN.1 parser's guard admits. The CRLs come back as
// DER slices for the revocation check; the rest is re-encoded with the lengths that fit it. The
// signer's signature does not cover the `crls` field, so nothing checked changes.

export interface SeparatedCms {
  // The ContentInfo without the `crls` field.
  readonly cms: Uint8Array;
  readonly crls: readonly Uint8Array[];
  // Where the ContentInfo ended in the input (a PDF pads /Contents with zeros after it).
  readonly end: number;
}

const CRLS_FIELD = 0xa1;
const EXPLICIT_0 = 0xa0;

function lengthOctets(length: number): number[] {
  if (length < 0x80) return [length];
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n % 256);
  return [0x80 | out.length, ...out];
}

// `path` runs from the outermost element down to the one whose child `removed` goes.
function rebuild(bytes: Uint8Array, path: readonly Tlv[], removed: Tlv): Uint8Array {
  const [element, ...inner] = path;
  if (!element) throw new DerError('empty path');
  const middle = inner.length > 0 ? rebuild(bytes, inner, removed) : new Uint8Array();
  const cut = inner[0] ?? removed;
  const before = bytes.subarray(element.contentStart, cut.start);
  const after = bytes.subarray(cut.end, element.contentEnd);
  const length = before.length + middle.length + after.length;
  const header = element.indefinite ? [element.tag, 0x80] : [element.tag, ...lengthOctets(length)];
  const trailer = element.indefinite ? [0, 0] : [];
  return new Uint8Array(Buffer.concat([Buffer.from(header), before, middle, after, Buffer.from(trailer)]));
}

// Throws DerError when the bytes are not a ContentInfo holding a SignedData.
export function separateCrls(der: Uint8Array): SeparatedCms {
  const contentInfo = expectTag(readTlv(der, 0), TAG.sequence, 'ContentInfo');
  const [, explicit] = childrenOf(der, contentInfo);
  if (!explicit) throw new DerError('ContentInfo without content');
  const signedData = expectTag(childrenOf(der, expectTag(explicit, EXPLICIT_0, 'content'))[0] ?? explicit, TAG.sequence, 'SignedData');
  const crlsField = childrenOf(der, signedData).find((c) => c.tag === CRLS_FIELD);
  if (!crlsField) return { cms: der.subarray(0, contentInfo.end), crls: [], end: contentInfo.end };
  // RevocationInfoChoice: a CertificateList, or [1] other formats (OCSP responses), left out.
  const crls = childrenOf(der, crlsField)
    .filter((c) => c.tag === TAG.sequence)
    .map((c) => elementOf(der, c));
  return { cms: rebuild(der, [contentInfo, explicit, signedData], crlsField), crls, end: contentInfo.end };
}
