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

async function answer({ id, request }: RequestEnvelope): Promise<ReplyEnvelope> {
  try {
    return { id, ok: true, value: await service.handle(request) };
  } catch (e) {
    // Only the AppError's own fields cross back: never the request, which may hold the PIN.
    const error = e instanceof AppError ? e : tokenError(e, request.op);
    return { id, ok: false, error: { code: error.code, messageVi: error.messageVi, detail: error.message, data: error.data } };
  }
}

// One request at a time, in arrival order: the listing waits for reg.exe without blocking the
// thread, and nothing else may run on the modules meanwhile.
let queue: Promise<void> = Promise.resolve();
port.on('message', (envelope: RequestEnvelope) => {
  queue = queue
    .then(async () => port.postMessage(await answer(envelope)))
    // A reply that cannot be sent stops the worker, as a throw in this handler always did (the
    // client then fails what is pending); a rejected queue would instead swallow every request.
    .catch((e: unknown) => process.nextTick(() => {
      throw e;
    }));
});
