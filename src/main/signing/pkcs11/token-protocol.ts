import type { ErrorCode } from '../../../shared/errors.ts';
import type { SessionCertificate } from './signing-session.ts';

// Messages between token-client.ts (main side) and token-worker.ts. Type-only imports on both
// sides keep pkcs11js out of the main bundle.

export type TokenRequest =
  | { readonly op: 'listModules'; readonly userPaths: readonly string[] }
  | { readonly op: 'listTokens'; readonly modulePath: string }
  | { readonly op: 'openSession'; readonly modulePath: string; readonly tokenSerial: string; readonly pin: string | null }
  | { readonly op: 'sign'; readonly sessionId: number; readonly certificateId: string; readonly data: Uint8Array }
  | { readonly op: 'closeSession'; readonly sessionId: number }
  | { readonly op: 'shutdown' };

export interface OpenedSession {
  readonly sessionId: number;
  readonly certificates: readonly SessionCertificate[];
}

export interface RequestEnvelope {
  readonly id: number;
  readonly request: TokenRequest;
}

export interface SerializedAppError {
  readonly code: ErrorCode;
  readonly messageVi: string;
  readonly detail: string;
  readonly data?: unknown;
}

export type ReplyEnvelope = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: SerializedAppError };

export interface TokenWorkerData {
  // Environment for the PKCS#11 modules (SOFTHSM2_CONF in tests).
  readonly env?: Readonly<Record<string, string>>;
}
