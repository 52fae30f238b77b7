import type { Clock } from '../registry/clock.ts';
import { hubRefused, hubUnreachable, type HubErrorData, isTransientHubError } from './hub-errors.ts';
import { envelopeSchema } from './hub-payloads.ts';
import { MalformedResponse } from './json-base64-field.ts';
import { type RetryPolicy, withRetry } from './retry.ts';
import { signHeaders, vxpTimestamp } from './sign-headers.ts';
import { type Agents, type HubResponse, operationUrl, type RequestBody, sendRequest, TransportFailure, toTransportFailure } from './transport.ts';

// One signed call to the hub, with the failure mapping every operation shares: network trouble
// and 5xx are HUB_UNREACHABLE (transient or not), an answer that refuses is HUB_REFUSED.

export interface Call {
  readonly operation: string;
  readonly method: 'GET' | 'POST';
  readonly contentType: string;
  readonly params: Readonly<Record<string, string>>;
  readonly body: RequestBody | null;
  // Extra plain HTTP headers, not signed (Range).
  readonly extraHeaders?: Readonly<Record<string, string>>;
  // sendEdoc: a fresh connection, and failures say whether the package may have gone out.
  readonly send?: boolean;
  readonly deadlineMs?: number;
  readonly connectTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
}

export interface ExchangeConfig {
  readonly endpoint: URL;
  readonly systemId: string;
  readonly secret: string;
  readonly agents: Agents;
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly clock: Clock;
  readonly random: () => number;
}

// Connection refused or reset, and timeouts: the next try may well succeed.
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
const TRANSIENT_STATUS = new Set([502, 503, 504]);
const MAX_JSON_BYTES = 32 * 1024 * 1024;

export class HubExchange {
  readonly config: ExchangeConfig;

  constructor(config: ExchangeConfig) {
    this.config = config;
  }

  retrying<T>(attempt: () => Promise<T>): Promise<T> {
    return withRetry(this.config.retry, this.config.random, isTransientHubError, attempt);
  }

  // Sends the request and returns the response of any status below 500.
  async open(call: Call): Promise<HubResponse> {
    const c = this.config;
    const signed = signHeaders({ systemId: c.systemId, secret: c.secret, timestamp: vxpTimestamp(c.clock.now()), contentType: call.contentType, params: call.params });
    let res: HubResponse;
    try {
      res = await sendRequest({
        url: operationUrl(c.endpoint, call.operation),
        method: call.method,
        headers: { ...signed.headers, ...call.extraHeaders },
        body: call.body,
        agent: call.send ? c.agents.fresh : c.agents.pooled,
        connectTimeoutMs: call.connectTimeoutMs ?? c.connectTimeoutMs,
        idleTimeoutMs: call.idleTimeoutMs ?? c.idleTimeoutMs,
        deadlineMs: call.deadlineMs,
      });
    } catch (e) {
      throw this.networkError(call, e);
    }
    if (res.status >= 500) {
      res.body.resume();
      throw hubUnreachable(
        { operation: call.operation, transient: TRANSIENT_STATUS.has(res.status), httpStatus: res.status, ...(call.send ? { outcome: 'unknown' as const } : {}) },
        `HTTP ${res.status}`,
      );
    }
    return res;
  }

  // Maps a failure while sending or reading to our error; AppErrors (a local file) pass through.
  networkError(call: Call, e: unknown): unknown {
    if (e instanceof MalformedResponse) return this.malformed(call, e.message);
    if (!(e instanceof TransportFailure)) return e;
    const data: HubErrorData = {
      operation: call.operation,
      transient: TRANSIENT_CODES.has(e.code),
      cause: e.code,
      ...(call.send ? { outcome: e.connected ? ('unknown' as const) : ('not-sent' as const) } : {}),
    };
    return hubUnreachable(data, `${e.code}: ${e.message}`);
  }

  // An answer we cannot read. After a sendEdoc the hub may have stored the package all the same.
  malformed(call: Call, detail: string, httpStatus?: number): unknown {
    if (call.send) return hubUnreachable({ operation: call.operation, transient: false, httpStatus, outcome: 'unknown' }, `unreadable answer: ${detail}`);
    return hubRefused({ operation: call.operation, transient: false, httpStatus }, `unreadable answer: ${detail}`);
  }

  // The whole JSON body; undefined when it is empty or not JSON.
  async readJson(call: Call, res: HubResponse): Promise<unknown> {
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of res.body) {
        const bytes = chunk as Buffer;
        total += bytes.length;
        if (total > MAX_JSON_BYTES) {
          res.body.destroy();
          throw new MalformedResponse(`answer larger than ${MAX_JSON_BYTES} bytes`);
        }
        chunks.push(bytes);
      }
    } catch (e) {
      throw this.networkError(call, e instanceof MalformedResponse ? e : toTransportFailure(e, true));
    }
    const text = Buffer.concat(chunks).toString('utf8').trim();
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  // Success is ErrorCode "0" in a 2xx answer; anything else is the hub's refusal.
  checkEnvelope(call: Call, status: number, json: unknown): Record<string, unknown> {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw this.malformed(call, status >= 400 ? `HTTP ${status} without a JSON envelope` : 'not a JSON envelope', status);
    }
    const envelope = envelopeSchema.safeParse(json);
    const errorCode = envelope.success ? envelope.data.ErrorCode : null;
    const errorDesc = envelope.success ? envelope.data.ErrorDesc : null;
    if (status < 400 && errorCode === '0') return json as Record<string, unknown>;
    throw hubRefused(
      {
        operation: call.operation,
        transient: false,
        httpStatus: status,
        ...(errorCode !== null ? { errorCode } : {}),
        ...(errorDesc !== null ? { errorDesc } : {}),
        ...(call.send ? { outcome: 'refused' as const } : {}),
      },
      `HTTP ${status}, status ${envelope.success ? envelope.data.status : '?'}, ErrorCode ${errorCode ?? '(none)'}, ErrorDesc ${errorDesc ?? '(none)'}`,
    );
  }

  // One attempt: open, read, check. `emptyAsNull` lets list operations treat an empty or
  // non-JSON 2xx body as "no items", as the SDK does.
  async once(call: Call, emptyAsNull = false): Promise<Record<string, unknown> | null> {
    const res = await this.open(call);
    const json = await this.readJson(call, res);
    if (json === undefined && emptyAsNull && res.status < 300) return null;
    return this.checkEnvelope(call, res.status, json);
  }

  async json(call: Call, emptyAsNull = false): Promise<Record<string, unknown> | null> {
    if (call.send) return this.once(call, emptyAsNull);
    return this.retrying(() => this.once(call, emptyAsNull));
  }
}
