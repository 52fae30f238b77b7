import { Worker } from 'node:worker_threads';
import type { Logger } from '../log/logger.ts';

export type IntegrityState = 'unchecked' | 'running' | 'ok' | 'failed';

const DEFAULT_WORKER = new URL('../db/quick-check-worker.ts', import.meta.url);

// The background quick_check after a profile opens (policy in db/integrity.ts). The result shows
// in the UI as a banner with the way forward when it fails.
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
    return new Promise((resolve) => {
      const worker = new Worker(this.workerUrl, { workerData: { path: dbPath } });
      worker.once('message', (m: { problems: string[] }) => {
        this.state = m.problems.length === 0 ? 'ok' : 'failed';
        this.detail = m.problems.length === 0 ? null : m.problems.slice(0, 5).join('; ');
        if (this.state === 'failed') this.logger.log('error', 'integrity.quick_check.failed', { problems: m.problems.slice(0, 20) });
      });
      worker.once('error', (e) => {
        this.state = 'failed';
        this.detail = e.message;
        this.logger.log('error', 'integrity.worker.error', { message: e.message });
      });
      worker.once('exit', () => resolve(this.state));
    });
  }
}
