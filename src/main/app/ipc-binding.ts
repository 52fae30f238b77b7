import { channelOf, OPERATION_NAMES } from '../../shared/api/contract.ts';
import type { Envelope } from '../../shared/api/envelope.ts';
import type { Logger } from '../log/logger.ts';
import type { Dispatch } from '../services/dispatch.ts';
import { isAppUrl } from './app-origin.ts';

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

// The part of Electron's IpcMainInvokeEvent the check needs, so it can be tested with fakes.
export interface InvokeEvent {
  readonly sender: unknown;
  readonly senderFrame: SenderFrame | null;
}

export interface InvokeRegistrar {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export type IsOurContents = (contents: unknown) => boolean;

export const FORBIDDEN_ENVELOPE: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Yêu cầu bị từ chối vì không đến từ cửa sổ của chương trình VanThu.' },
};

// Electron Fiddle's rule: every call proves it comes from our own page before anything else
// happens. The frame must still exist, be the top frame (an iframe, even one of ours, has no
// business calling the API) and show app://vanthu/, and the webContents must be one of the
// windows this app created. Returns why a call is refused, or null when it may proceed.
export function senderRefusal(event: InvokeEvent, isOurContents: IsOurContents): string | null {
  try {
    const frame = event.senderFrame;
    if (!frame) return 'sender frame is gone';
    if (frame.parent !== null) return 'sender is a subframe';
    if (!isAppUrl(frame.url)) return `sender frame is not on the app origin: ${frame.url.slice(0, 100)}`;
    if (!isOurContents(event.sender)) return 'sender is not one of our windows';
    return null;
  } catch (e) {
    // A destroyed frame can throw on access; a sender we cannot examine is not trusted.
    return `sender could not be examined: ${(e as Error).message}`;
  }
}

// One `handle` per contract operation on its own channel: there is no generic channel that
// takes an operation name, so the set of things the renderer can ask for is exactly the
// contract. The input goes to dispatch untouched; dispatch validates it against the operation's
// schema before any handler runs.
export function bindIpc(ipc: InvokeRegistrar, dispatch: Dispatch, isOurContents: IsOurContents, logger: Logger): string[] {
  return OPERATION_NAMES.map((name) => {
    const channel = channelOf(name);
    ipc.handle(channel, async (event, input) => {
      const refusal = senderRefusal(event, isOurContents);
      if (refusal !== null) {
        logger.log('warn', 'ipc.forbidden', { op: name, reason: refusal });
        return FORBIDDEN_ENVELOPE;
      }
      return dispatch(name, input);
    });
    return channel;
  });
}
