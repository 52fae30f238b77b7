import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

// English, one JSON object per line, in the profile's logs folder. Callers pass only what is
// safe to keep: operation names, codes, ids and English details, never inputs wholesale (they
// can hold file contents, and PINs must never reach a log).
export function fileLogger(dir: string, name = 'vanthu.log'): Logger {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  return {
    log(level, event, fields = {}) {
      try {
        appendFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), level, event, ...fields })}\n`);
      } catch {
        // A full disk must not turn a successful operation into a failure because its log line
        // could not be written.
      }
    },
  };
}

export const silentLogger: Logger = { log() {} };
