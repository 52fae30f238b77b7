import { fetchableUrl } from './crl-points.ts';

// One GET of a CRL distribution point, bounded in time and size: the server is a stranger, and a
// refresh must end whatever it does (a server that never answers, or streams without end).
// Redirects are followed a few times, to http(s) only, since CAs move their lists behind a CDN or
// from http to https. What comes back is only bytes here; crl-check.ts decides whether it is a CRL.

// The lists of large public CAs run to tens of thousands of entries, a few MB (the one of a
// national CA with millions of certificates passes 20 MB); 32 MiB leaves room for that, while the
// fetch still holds at most that much in memory per point.
export const MAX_CRL_BYTES = 32 * 1024 * 1024;
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 3;

export class CrlFetchFailure extends Error {
  readonly reasonVi: string;
  constructor(reasonVi: string, detail: string) {
    super(detail);
    this.reasonVi = reasonVi;
  }
}

export interface FetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
  // What the server said of the copy we hold: an unchanged list then costs a 304.
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export type FetchResult =
  | { readonly notModified: true }
  | { readonly notModified: false; readonly bytes: Uint8Array; readonly etag: string | null; readonly lastModified: string | null };

const fail = (reasonVi: string, detail: string): never => {
  throw new CrlFetchFailure(reasonVi, detail);
};

async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) fail('danh sách thu hồi lớn quá giới hạn cho phép', `response of ${declared} bytes declared, limit ${maxBytes}`);
  if (!response.body) fail('máy chủ trả về nội dung rỗng', 'response without a body');
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) fail('danh sách thu hồi lớn quá giới hạn cho phép', `response exceeds ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function conditionalHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/pkix-crl, application/x-pkcs7-crl;q=0.9, */*;q=0.5' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

async function follow(url: string, options: FetchOptions, signal: AbortSignal, maxBytes: number): Promise<FetchResult> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await fetch(current, { headers: conditionalHeaders(options), redirect: 'manual', signal });
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      const next = location ? fetchableUrl(new URL(location, current).href) : null;
      if (!next) return fail('máy chủ chuyển hướng đến một địa chỉ không dùng được', `HTTP ${response.status} to ${JSON.stringify(location)}`);
      if (hop === MAX_REDIRECTS) return fail('máy chủ chuyển hướng quá nhiều lần', `more than ${MAX_REDIRECTS} redirects`);
      current = next;
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail(`máy chủ trả lỗi HTTP ${response.status}`, `HTTP ${response.status} ${response.statusText} from ${current}`);
    }
    const bytes = await readBounded(response, maxBytes);
    return { notModified: false, bytes, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  }
}

export async function fetchCrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([timer.signal, options.signal]) : timer.signal;
  try {
    return await follow(url, options, signal, options.maxBytes ?? MAX_CRL_BYTES);
  } catch (e) {
    if (e instanceof CrlFetchFailure) throw e;
    if (options.signal?.aborted) fail('đã dừng cập nhật', 'aborted (the program is closing or the refresh ran out of time)');
    if (timer.signal.aborted) fail('máy chủ không trả lời trong thời gian cho phép', `no complete answer within ${timeoutMs} ms`);
    const cause = (e as Error & { cause?: Error }).cause;
    return fail('không kết nối được máy chủ phát hành danh sách thu hồi', `${(e as Error).message}${cause ? `: ${cause.message}` : ''}`);
  } finally {
    clearTimeout(timeout);
  }
}
