import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors.ts';
import { tokenError } from './errors.ts';
import type { ReplyEnvelope, RequestEnvelope, TokenWorkerData } from './token-protocol.ts';
import { TokenService } from './token-service.ts';

// The thread that owns pkcs11js: token calls block (a PIN pad waits for the user's finger),
// and must never block the thread that serves the UI.
//
// PKCS#11 modules read their settings with getenv(), which sees the process environment, not
// a worker's private copy; so the client starts this worker with SHARE_ENV when it passes
// `env`, and the variables are set here before any module loads.
const { env } = (workerData ?? {}) as TokenWorkerData;
if (env) Object.assign(process.env, env);

const service = new TokenService();
const port = parentPort;
if (!port) throw new Error('token-worker.ts runs only as a worker thread');

port.on('message', ({ id, request }: RequestEnvelope) => {
  let reply: ReplyEnvelope;
  try {
    reply = { id, ok: true, value: service.handle(request) };
  } catch (e) {
    // Only the AppError's own fields cross back: never the request, which may hold the PIN.
    const error = e instanceof AppError ? e : tokenError(e, request.op);
    reply = { id, ok: false, error: { code: error.code, messageVi: error.messageVi, detail: error.message, data: error.data } };
  }
  port.postMessage(reply);
});
