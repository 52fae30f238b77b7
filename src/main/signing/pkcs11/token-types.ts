import type { PinStatus } from '../../../shared/domain/pin-status.ts';
import type { ModuleOwner, ModuleSource } from '../../../shared/domain/token-module-origin.ts';
import type { KeyAlgorithm } from '../raw-signer.ts';

// What the token worker reports, as plain data (it crosses the worker boundary by structured
// clone and can go on to the UI as JSON).

export interface LibraryInfo {
  readonly description: string;
  readonly manufacturer: string;
  // "major.minor" of the module itself (not of the Cryptoki interface).
  readonly version: string;
}

export type ModuleStatus = 'loaded' | 'failed' | 'missing';

export interface ModuleReport {
  readonly path: string;
  readonly source: ModuleSource;
  // Windows' CSP or KSP name, for a module found through the registry.
  readonly provider?: string;
  // The CA (or token maker) the file name belongs to; absent when unknown or at a user path.
  readonly owner?: ModuleOwner;
  readonly status: ModuleStatus;
  readonly library?: LibraryInfo;
  // Why it is not usable, for the clerk; `detail` is the English cause for the log.
  readonly reasonVi?: string;
  readonly detail?: string;
}

export interface TokenCertificate {
  // CKA_ID in hex: the link between the certificate and its key on the token, and the id the
  // session's signer() takes.
  readonly id: string;
  readonly label: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly keyUsage: readonly string[];
  readonly keyAlgorithm: KeyAlgorithm;
  // Modulus bits for RSA, curve bits for EC.
  readonly keySize: number;
  readonly derBase64: string;
}

export interface TokenInfo {
  // CK_SLOT_ID as a decimal string: 64-bit on most platforms, so not a JS number.
  readonly slotId: string;
  readonly label: string;
  readonly serialNumber: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly flags: number;
  readonly pinStatus: PinStatus;
  // Only certificates with a key on the token (see token-listing.ts for how that is decided
  // before login).
  readonly certificates: readonly TokenCertificate[];
}
