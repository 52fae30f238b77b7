import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { OID } from './oids.ts';

// The ESS signing-certificate attributes (RFC 2634 v1 with SHA-1, RFC 5035 v2): they bind the
// signature to one certificate, so a second certificate for the same key cannot be swapped in.

export interface EssCertId {
  readonly hashAlgorithm: string;
  readonly certHash: Uint8Array;
  // DER of the issuer Name and the serial number's content bytes, when the producer included them.
  readonly issuerSerial: { readonly issuer: Uint8Array; readonly serialNumber: Uint8Array } | null;
}

function issuerSerial(certificate: pkijs.Certificate): asn1js.Sequence {
  const directoryName = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [directoryName] }), certificate.serialNumber] });
}

// SigningCertificateV2 for `certificate` (whose DER is `der`). hashAlgorithm is left out: its
// DEFAULT is SHA-256, and DER forbids encoding a default value.
export function signingCertificateV2(certificate: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(der).digest();
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial(certificate)] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function bytes(view: ArrayBuffer | Uint8Array): Uint8Array {
  return new Uint8Array(view).slice();
}

function parseIssuerSerial(block: asn1js.AsnType | undefined): EssCertId['issuerSerial'] {
  if (!(block instanceof asn1js.Sequence)) return null;
  const [names, serial] = block.valueBlock.value;
  if (!(names instanceof asn1js.Sequence) || !(serial instanceof asn1js.Integer)) return null;
  const directoryName = names.valueBlock.value.find((n) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === 4);
  const name = directoryName instanceof asn1js.Constructed ? directoryName.valueBlock.value[0] : undefined;
  if (!name) return null;
  return { issuer: bytes(name.toBER()), serialNumber: bytes(serial.valueBlock.valueHexView) };
}

// Reads the first ESSCertID(v2) of a SigningCertificate(V2) attribute value; null if malformed.
export function parseEssCertId(attributeType: string, value: asn1js.AsnType): EssCertId | null {
  if (!(value instanceof asn1js.Sequence)) return null;
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return null;
  const first = certs.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return null;
  const fields = [...first.valueBlock.value];
  let hashAlgorithm: string = attributeType === OID.signingCertificate ? OID.sha1 : OID.sha256;
  if (attributeType === OID.signingCertificateV2 && fields[0] instanceof asn1js.Sequence) {
    const algorithm = fields.shift() as asn1js.Sequence;
    const oid = algorithm.valueBlock.value[0];
    if (!(oid instanceof asn1js.ObjectIdentifier)) return null;
    hashAlgorithm = oid.valueBlock.toString();
  }
  const [hash, serial] = fields;
  if (!(hash instanceof asn1js.OctetString)) return null;
  return { hashAlgorithm, certHash: bytes(hash.valueBlock.valueHexView), issuerSerial: parseIssuerSerial(serial) };
}

const NODE_HASH: Readonly<Record<string, string>> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

// Whether the ESSCertID names `certificate`: the hash of its DER, and the issuer and serial when given.
export function essCertIdMatches(id: EssCertId, certificate: pkijs.Certificate, der: Uint8Array): boolean {
  const algorithm = NODE_HASH[id.hashAlgorithm];
  if (!algorithm) return false;
  if (!Buffer.from(createHash(algorithm).update(der).digest()).equals(id.certHash)) return false;
  if (!id.issuerSerial) return true;
  const issuer = bytes(certificate.issuer.toSchema().toBER());
  const serial = bytes(certificate.serialNumber.valueBlock.valueHexView);
  return Buffer.from(issuer).equals(id.issuerSerial.issuer) && Buffer.from(serial).equals(id.issuerSerial.serialNumber);
}
