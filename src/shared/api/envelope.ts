import type { ErrorCode } from '../errors.ts';

// What crosses the process boundary: Electron's ipcRenderer.invoke flattens thrown errors into a
// string, so handlers resolve to an envelope instead and the client rethrows a typed error.
export interface ErrorPayload {
  readonly code: ErrorCode;
  readonly message: string;
  readonly data?: unknown;
}

export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorPayload };
