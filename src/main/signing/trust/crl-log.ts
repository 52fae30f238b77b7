import type { CrlRefreshResult } from '../../../shared/api/schemas/revocation.ts';
import type { Logger } from '../../log/logger.ts';

// One log line per refresh, in English: the counts, and each point that failed with the reason.
export function logCrlRefresh(logger: Logger, trigger: 'sync' | 'request' | 'cli', result: CrlRefreshResult): void {
  const failures = result.results.filter((r) => r.outcome === 'failed').map((r) => ({ url: r.url, detail: r.detail, keptList: r.thisUpdate !== null }));
  logger.log(failures.length > 0 ? 'warn' : 'info', 'crl.refresh', {
    trigger,
    fetched: result.fetched,
    unchanged: result.unchanged,
    failed: result.failed,
    skipped: result.skipped,
    ms: Date.parse(result.finishedAt) - Date.parse(result.startedAt),
    ...(failures.length > 0 ? { failures } : {}),
  });
}
