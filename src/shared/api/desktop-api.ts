import type { InputOf, OperationName, OutputOf } from './contract.ts';
import type { Envelope } from './envelope.ts';

// What the preload exposes on `window.vanthu`: one function per contract operation, each
// resolving to an envelope. The renderer's client uses it when present and falls back to the
// loopback bridge (browser tests) otherwise.
export const DESKTOP_API_GLOBAL = 'vanthu';

export type DesktopApi = {
  readonly [K in OperationName]: (input: InputOf<K>) => Promise<Envelope<OutputOf<K>>>;
};
