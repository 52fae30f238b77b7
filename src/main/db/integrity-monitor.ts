import { Worker } from 'node:worker_threads';
import type { Logger } from '../log/logger.ts';

// 'unavailable': the check could not run (the worker did not start, the file was busy); that is
// not a sign of damage and must not send the clerk to restore a backup.
export type IntegrityState = 'unchecked' | 'running' | 'ok' | 'failed' | 'unavailable';

type WorkerMessage = { kind: 'result'; problems: string[] } | { kind: 'error'; message: string };

const DEFAULT_WORKER = new URL('./quick-check-worker.ts', import.meta.url);

// The background quick_check after a profile opens, and again after a restore (policy in
// db/integrity.ts). A failure shows in the UI as a banner with the way forward.
export class IntegrityMonitor {
  state: IntegrityState = 'unchecked';
  detail: string | null = null;
  private readonly logger: Logger;
  private readonly workerUrl: URL;

  constructor(logger: Logger, workerUrl: URL = DEFAULT_WORKER) {
    this.logger = logger;
    this.workerUrl = workerUrl;
  }

  start(dbPath: string): Promise<IntegrityState> {
    this.state = 'running';
    this.detail = null;
    return new Promise((resolve) => {
      let answered = false;
      const unavailable = (message: string) => {
        this.state = 'unavailable';
        this.detail = message;
        this.logger.log('warn', 'integrity.check.unavailable', { message });
      };
      let worker: Worker;
      try {
        worker = new Worker(this.workerUrl, { workerData: { path: dbPath } });
      } catch (e) {
        unavailable((e as Error).message);
        resolve(this.state);
        return;
      }
      worker.once('message', (m: WorkerMessage) => {
        answered = true;
        if (m.kind === 'error') return unavailable(m.message);
        this.state = m.problems.length === 0 ? 'ok' : 'failed';
        this.detail = m.problems.length === 0 ? null : m.problems.slice(0, 5).join('; ');
        if (this.state === 'failed') this.logger.log('error', 'integrity.quick_check.failed', { problems: m.problems.slice(0, 20) });
      });
      worker.once('error', (e) => {
        answered = true;
        unavailable(e.message);
      });
      worker.once('exit', () => {
        if (!answered) unavailable('the check stopped without an answer');
        resolve(this.state);
      });
    });
  }
}
