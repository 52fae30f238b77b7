import type { CrlRefreshEntry, CrlRefreshResult } from '../../../shared/api/schemas/revocation.ts';
import { isAppError } from '../../../shared/errors.ts';
import { timestamp } from '../../registry/clock.ts';
import { type CachedCrlRow, cachedCrlRow, cachedCrlRows, confirmCrl, type CrlContext, crlFileIntact, recordCrlFailure, storeCrl, sweepCrlFolder } from './crl-cache.ts';
import { checkCrl } from './crl-check.ts';
import { CrlFetchFailure, DEFAULT_FETCH_TIMEOUT_MS, fetchCrl, MAX_CRL_BYTES } from './crl-fetch.ts';
import { type CrlSource, crlSourcesFor } from './crl-sources.ts';

// A refresh: every distribution point of the given certificates (the trust list's CAs) and of the
// signer certificates noted before is asked for its list, a few at a time, within one time budget;
// each answer is checked and kept unless what is kept is the same or newer. A point that fails
// keeps its list. A point's failure is never thrown: each outcome is in the result, for the log
// and the clerk.

export interface RefreshOptions {
  // Each point, from the request to the last byte.
  readonly timeoutMs?: number;
  // The whole refresh: points not finished by then fail as "not attempted" or "stopped".
  readonly budgetMs?: number;
  readonly maxBytes?: number;
  readonly concurrency?: number;
  // Points whose list was fetched or confirmed less than this long ago are skipped (0: none).
  readonly minIntervalMs?: number;
  // Which points may be asked at all (the test tools: loopback only).
  readonly allowUrl?: (url: string) => boolean;
  readonly signal?: AbortSignal;
}

export const DEFAULT_REFRESH_BUDGET_MS = 120_000;
const DEFAULT_CONCURRENCY = 4;

function failed(url: string, row: CachedCrlRow | null, reasonVi: string, detail: string): CrlRefreshEntry {
  return { url, outcome: 'failed', issuer: row?.issuer ?? null, thisUpdate: row?.thisUpdate ?? null, nextUpdate: row?.nextUpdate ?? null, reasonVi, detail };
}

function kept(url: string, outcome: 'fetched' | 'unchanged', list: { issuer: string; thisUpdate: string; nextUpdate: string | null }): CrlRefreshEntry {
  return { url, outcome, issuer: list.issuer, thisUpdate: list.thisUpdate, nextUpdate: list.nextUpdate, reasonVi: null, detail: null };
}

async function refreshPoint(ctx: CrlContext, source: CrlSource, row: CachedCrlRow | null, options: RefreshOptions, signal: AbortSignal): Promise<CrlRefreshEntry> {
  const { url } = source;
  if (signal.aborted) return failed(url, row, 'chưa kịp cập nhật trong thời gian cho phép', 'not attempted: the refresh ran out of time or was stopped');
  if (source.candidates.length === 0) {
    return failed(url, row, 'không có chứng thư của tổ chức cấp để kiểm tra danh sách này, nên không tải', 'not fetched: no certificate naming this point has a known issuer');
  }
  const intact = row !== null && crlFileIntact(ctx, row);
  try {
    const answer = await fetchCrl(url, {
      timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? MAX_CRL_BYTES,
      signal,
      etag: intact ? row.etag : null,
      lastModified: intact ? row.lastModified : null,
    });
    if (answer.notModified) {
      if (!intact) throw new CrlFetchFailure('máy chủ trả lời không đúng', 'HTTP 304 although no copy was offered');
      confirmCrl(ctx, url);
      return kept(url, 'unchanged', row);
    }
    const crl = checkCrl(answer.bytes, source.candidates);
    const outcome = storeCrl(ctx, url, crl, answer);
    const now = outcome === 'older' ? null : { issuer: crl.issuer, thisUpdate: crl.thisUpdate.toISOString(), nextUpdate: crl.nextUpdate?.toISOString() ?? null };
    if (!now) {
      const cached = cachedCrlRow(ctx, url);
      return failed(url, cached, cached?.failureVi ?? 'máy chủ trả về danh sách cũ hơn bản đã lưu', cached?.failureDetail ?? `older CRL served by ${url}`);
    }
    return kept(url, outcome === 'fetched' ? 'fetched' : 'unchanged', now);
  } catch (e) {
    const reasonVi = e instanceof CrlFetchFailure ? e.reasonVi : isAppError(e) ? e.messageVi : 'lỗi không mong muốn khi cập nhật';
    const detail = e instanceof Error ? e.message : String(e);
    try {
      if (row) recordCrlFailure(ctx, url, reasonVi, detail);
    } catch {
      // The database refusing the note (a full disk) changes nothing for this point's outcome.
    }
    return failed(url, row, reasonVi, detail);
  }
}

export async function refreshCrls(ctx: CrlContext, certificatesDer: readonly Uint8Array[], options: RefreshOptions = {}): Promise<CrlRefreshResult> {
  const startedAt = timestamp(ctx.clock);
  const budget = new AbortController();
  const timer = setTimeout(() => budget.abort(), options.budgetMs ?? DEFAULT_REFRESH_BUDGET_MS);
  const signal = options.signal ? AbortSignal.any([budget.signal, options.signal]) : budget.signal;
  try {
    sweepCrlFolder(ctx);
    const allow = options.allowUrl ?? (() => true);
    const rows = new Map(cachedCrlRows(ctx).map((r) => [r.url, r]));
    const now = ctx.clock.now().getTime();
    const minInterval = options.minIntervalMs ?? 0;
    const recent = (row: CachedCrlRow | undefined) => row !== undefined && minInterval > 0 && now - Date.parse(row.checkedAt) < minInterval && crlFileIntact(ctx, row);
    const allowed = crlSourcesFor(ctx, certificatesDer).filter((s) => allow(s.url));
    // What has no list yet goes first, then what was confirmed longest ago: a short budget is
    // spent where it matters most.
    const due = allowed
      .filter((s) => !recent(rows.get(s.url)))
      .sort((a, b) => (rows.get(a.url)?.checkedAt ?? '').localeCompare(rows.get(b.url)?.checkedAt ?? '') || a.url.localeCompare(b.url));
    const results: CrlRefreshEntry[] = new Array<CrlRefreshEntry>(due.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < due.length; i = next++) {
        const source = due[i]!;
        results[i] = await refreshPoint(ctx, source, rows.get(source.url) ?? null, options, signal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, due.length) }, worker));
    const count = (outcome: CrlRefreshEntry['outcome']) => results.filter((r) => r.outcome === outcome).length;
    return {
      startedAt,
      finishedAt: timestamp(ctx.clock),
      fetched: count('fetched'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      skipped: allowed.length - due.length,
      results,
    };
  } finally {
    clearTimeout(timer);
  }
}
