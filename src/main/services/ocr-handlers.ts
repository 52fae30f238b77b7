import { join } from 'node:path';
import { keepScanText } from '../ocr/keep-scan-text.ts';
import { createOcrEngine, type OcrEngine } from '../ocr/ocr-engine.ts';
import { createOcrJobs, type OcrJobs } from '../ocr/ocr-jobs.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// Recognition of scans on the registration form (docs/ocr.md "In the app"). The engine starts on
// the first scan and lives until the services close. What was recognised is kept in the open
// profile by the scan's SHA-256 (keep-scan-text.ts), so that registering the scan puts its text
// into the search index.
export function createOcr(deps: Pick<HandlerDeps, 'ready' | 'resources' | 'session'>, workerPath?: string): { jobs: OcrJobs; close(): Promise<void> } {
  let engine: OcrEngine | null = null;
  const jobs = createOcrJobs({
    engine: () => {
      engine ??= createOcrEngine({ modelDir: join(deps.resources.dir, 'ocr'), ...(workerPath ? { workerPath } : {}) });
      return engine;
    },
    onRecognised: ({ sha256, document }) => {
      let profile;
      try {
        profile = deps.ready();
      } catch {
        return Promise.resolve(false);
      }
      const kept = keepScanText(profile, sha256, document);
      deps.session.logger.log('info', 'ocr.recorded', { sha256, pages: kept.pages, chars: kept.text.length, searchable: kept.searchableSha256 });
      return Promise.resolve(true);
    },
  });
  return {
    jobs,
    async close() {
      await jobs.close();
      await engine?.close();
      engine = null;
    },
  };
}

export function createOcrHandlers(jobs: OcrJobs): HandlersOf<'ocr'> {
  return {
    'ocr.start': (input) => jobs.start({ fileName: input.fileName, searchablePdf: input.searchablePdf, bytes: new Uint8Array(Buffer.from(input.dataBase64, 'base64')) }),
    'ocr.state': (input) => jobs.state(input.jobId),
    'ocr.cancel': (input) => jobs.cancel(input.jobId),
    'ocr.pageImage': (input) => jobs.pageImage(input.jobId, input.page),
  };
}
