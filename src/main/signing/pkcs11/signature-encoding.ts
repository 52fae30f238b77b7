// Encodings the token does not do for us.

// DER DigestInfo { sha256, NULL } header (RFC 8017 §9.2 note 1): CKM_RSA_PKCS signs what it is
// given, so a token without CKM_SHA256_RSA_PKCS gets header || SHA-256(data).
const SHA256_DIGEST_INFO_PREFIX = Uint8Array.from([0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]);

export function sha256DigestInfo(digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new RangeError(`a SHA-256 digest has 32 bytes, got ${digest.length}`);
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + 32);
  out.set(SHA256_DIGEST_INFO_PREFIX);
  out.set(digest, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  return [0x82, length >> 8, length & 0xff];
}

// A positive INTEGER: no redundant leading zeros, and a zero byte in front when the high bit is
// set (otherwise it would read as negative).
function derInteger(bigEndian: Uint8Array): number[] {
  let start = 0;
  while (start < bigEndian.length - 1 && bigEndian[start] === 0) start++;
  const body = [...bigEndian.subarray(start)];
  if (body.length === 0) body.push(0);
  if ((body[0] ?? 0) & 0x80) body.unshift(0);
  return [0x02, ...derLength(body.length), ...body];
}

// CKM_ECDSA returns r || s, each as long as the curve order (PKCS#11 2.40 §2.3.1); CMS wants
// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 5480 / RFC 3279).
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new RangeError(`an ECDSA r||s value has an even, non-zero length, got ${raw.length}`);
  const half = raw.length / 2;
  const body = [...derInteger(raw.subarray(0, half)), ...derInteger(raw.subarray(half))];
  return Uint8Array.from([0x30, ...derLength(body.length), ...body]);
}
