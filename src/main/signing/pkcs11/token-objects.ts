import pkcs11js from 'pkcs11js';
import type { Pkcs11 } from './module-registry.ts';

// The objects on a token that signing cares about, read in one session.

export interface CertificateObject {
  readonly id: string;
  readonly label: string;
  readonly der: Uint8Array;
}

export interface KeyObject {
  readonly id: string;
  readonly handle: Buffer;
}

export interface TokenObjects {
  readonly certificates: readonly CertificateObject[];
  readonly privateKeys: readonly KeyObject[];
  readonly publicKeyIds: ReadonlySet<string>;
}

function findAll(module: Pkcs11, session: Buffer, template: pkcs11js.Template): Buffer[] {
  module.C_FindObjectsInit(session, template);
  try {
    const handles: Buffer[] = [];
    for (;;) {
      const batch = module.C_FindObjects(session, 64);
      if (batch.length === 0) return handles;
      handles.push(...batch);
    }
  } finally {
    module.C_FindObjectsFinal(session);
  }
}

function attributes(module: Pkcs11, session: Buffer, handle: Buffer, types: readonly number[]): Map<number, Buffer> {
  const result = module.C_GetAttributeValue(session, handle, types.map((type) => ({ type })));
  return new Map(result.map((a) => [a.type, a.value]));
}

const hex = (value: Buffer | undefined) => (value ? value.toString('hex') : '');

export function readTokenObjects(module: Pkcs11, session: Buffer): TokenObjects {
  const certificates = findAll(module, session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
  ]).map((handle) => {
    const a = attributes(module, session, handle, [pkcs11js.CKA_ID, pkcs11js.CKA_LABEL, pkcs11js.CKA_VALUE]);
    return { id: hex(a.get(pkcs11js.CKA_ID)), label: a.get(pkcs11js.CKA_LABEL)?.toString('utf8') ?? '', der: new Uint8Array(a.get(pkcs11js.CKA_VALUE) ?? []) };
  });
  const privateKeys = findAll(module, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }]).map((handle) => {
    return { id: hex(attributes(module, session, handle, [pkcs11js.CKA_ID]).get(pkcs11js.CKA_ID)), handle };
  });
  const publicKeyIds = new Set(
    findAll(module, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY }]).map((handle) => hex(attributes(module, session, handle, [pkcs11js.CKA_ID]).get(pkcs11js.CKA_ID))),
  );
  return { certificates, privateKeys, publicKeyIds };
}
