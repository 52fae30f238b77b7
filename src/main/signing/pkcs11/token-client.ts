import { SHARE_ENV, Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors.ts';
import type { RawSigner } from '../raw-signer.ts';
import type { SessionCertificate } from './signing-session.ts';
import type { OpenedSession, ReplyEnvelope, TokenRequest, TokenWorkerData } from './token-protocol.ts';
import type { ModuleReport, TokenCertificate, TokenInfo } from './token-types.ts';

// The main-thread face of the token worker: every call is a message and a promise, so nothing
// here blocks. The worker starts on the first call and again on the next call after it died;
// sessions do not survive a worker (their login died with it).

export interface TokenSession {
  readonly tokenSerial: string;
  // The certificates whose private key the token showed after login: the ones signer() takes.
  readonly certificates: readonly TokenCertificate[];
  signer(certificateId: string): RawSigner;
  close(): Promise<void>;
}

export interface OpenSessionRequest {
  readonly modulePath: string;
  readonly tokenSerial: string;
  // null for a PIN-pad token, which asks on the device.
  readonly pin: string | null;
}

export interface TokenClient {
  listModules(userPaths: readonly string[]): Promise<ModuleReport[]>;
  listTokens(modulePath: string): Promise<TokenInfo[]>;
  openSession(request: OpenSessionRequest): Promise<TokenSession>;
  close(): Promise<void>;
}

export interface TokenClientOptions {
  // The worker script: the bundled token-worker.cjs in the app (bundlePaths().tokenWorker).
  readonly workerUrl?: URL;
  // Environment for the PKCS#11 modules (SOFTHSM2_CONF in tests). Set process-wide: see
  // token-worker.ts for why.
  readonly env?: Readonly<Record<string, string>>;
  // How long close() waits for the worker to log out and finalise before terminating it.
  readonly shutdownTimeoutMs?: number;
}

const DEFAULT_WORKER = new URL('./token-worker.ts', import.meta.url);

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

function workerStopped(detail: string): AppError {
  return new AppError(
    'TOKEN_UNAVAILABLE',
    'Bộ phận làm việc với thiết bị ký số đã dừng giữa chừng, thao tác chưa hoàn tất. Các văn bản đã ký xong vẫn được giữ nguyên; hãy thử lại.',
    detail,
  );
}

export function startTokenClient(options: TokenClientOptions = {}): TokenClient {
  const workerUrl = options.workerUrl ?? DEFAULT_WORKER;
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  // Bumped whenever a worker goes away, so a session knows its worker (and login) is gone.
  let generation = 0;
  let nextId = 1;
  let closed = false;

  function startWorker(): Worker {
    const workerData: TokenWorkerData = { env: options.env };
    const started = new Worker(workerUrl, { workerData, ...(options.env ? { env: SHARE_ENV } : {}) });
    let failure = '';
    started.on('message', (reply: ReplyEnvelope) => {
      const call = pending.get(reply.id);
      if (!call) return;
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (reply.ok) call.resolve(reply.value);
      else call.reject(new AppError(reply.error.code, reply.error.messageVi, reply.error.detail, reply.error.data));
    });
    started.on('error', (e) => {
      failure = `: ${e.message}`;
    });
    started.on('exit', (code) => {
      if (worker === started) {
        worker = null;
        generation++;
      }
      const error = workerStopped(`token worker exited with code ${code}${failure}`);
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    });
    started.unref();
    return started;
  }

  function call<T>(request: TokenRequest): Promise<T> {
    if (closed) return Promise.reject(new AppError('INTERNAL', 'Bộ phận làm việc với thiết bị ký số đã đóng.', `token client is closed (${request.op})`));
    worker ??= startWorker();
    const target = worker;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      target.ref();
      target.postMessage({ id, request });
    });
  }

  function makeSession(opened: OpenedSession, tokenSerial: string): TokenSession {
    const sessionGeneration = generation;
    let ended = false;
    const alive = () => !ended && sessionGeneration === generation && worker !== null;
    const byId = new Map<string, SessionCertificate>(opened.certificates.map((c) => [c.id, c]));
    return {
      tokenSerial,
      certificates: opened.certificates.map(({ der: _der, chain: _chain, ...summary }) => summary),
      signer(certificateId) {
        const certificate = byId.get(certificateId.toLowerCase());
        if (!certificate) {
          throw new AppError('INVALID_INPUT', 'Không có chứng thư số này (kèm khóa bí mật) trên thiết bị ký số đã chọn.', `no certificate with CKA_ID ${certificateId} and a private key on token ${tokenSerial}`);
        }
        return {
          certificate: certificate.der,
          chain: certificate.chain,
          keyAlgorithm: certificate.keyAlgorithm,
          sign: (data) => {
            if (ended) return Promise.reject(new AppError('TOKEN_UNAVAILABLE', 'Phiên ký đã kết thúc. Hãy mở lại phiên ký và nhập mã PIN.', `token session ${opened.sessionId} was closed`));
            if (!alive()) return Promise.reject(workerStopped(`token session ${opened.sessionId} ended with its worker`));
            return call<Uint8Array>({ op: 'sign', sessionId: opened.sessionId, certificateId: certificate.id, data });
          },
        };
      },
      async close() {
        if (!alive()) return;
        ended = true;
        await call({ op: 'closeSession', sessionId: opened.sessionId });
      },
    };
  }

  return {
    listModules: (userPaths) => call<ModuleReport[]>({ op: 'listModules', userPaths }),
    listTokens: (modulePath) => call<TokenInfo[]>({ op: 'listTokens', modulePath }),
    async openSession({ modulePath, tokenSerial, pin }) {
      const opened = await call<OpenedSession>({ op: 'openSession', modulePath, tokenSerial, pin });
      return makeSession(opened, tokenSerial);
    },
    async close() {
      if (closed) return;
      const running = worker;
      if (running) {
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.shutdownTimeoutMs ?? 5000).unref());
        await Promise.race([call({ op: 'shutdown' }).catch(() => undefined), timeout]);
      }
      closed = true;
      // Rejects whatever is still waiting (a PIN pad nobody answers) through the exit handler.
      if (running) await running.terminate();
    },
  };
}
