import { performance } from 'node:perf_hooks';
import { AppError } from '../../shared/errors.ts';
import { systemClock, type Clock } from '../registry/clock.ts';
import { asciiText } from './ascii-text.ts';
import { type DownloadOptions, type DownloadResult, downloadEdoc, getEdoc, type ReceivedFile } from './edoc-files.ts';
import { hashFile } from './hash-file.ts';
import { type Call, HubExchange } from './hub-exchange.ts';
import {
  type Agency,
  type AgencyQd20,
  agencyQd20Schema,
  agencySchema,
  countSchema,
  type ReceivedEdoc,
  receivedEdocSchema,
  sendResultSchema,
  type SentEdoc,
  sentEdocSchema,
  type SynchronizeUnit,
  synchronizeUnitSchema,
} from './hub-payloads.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
import { createAgents } from './transport.ts';
import type { z } from 'zod';

// The client of the national document hub (hub-api.md): every operation, signed as the official
// SDK signs, with timeouts, and retries only where repeating a request cannot do harm.

export type MessageType = 'edoc' | 'status';
export type AckStatus = 'done' | 'fail' | 'processing';

export interface HubClientConfig {
  readonly endpoint: string;
  readonly systemId: string;
  readonly secret: string;
  // PEM certificates trusted for the hub's TLS, in addition to the usual public CAs.
  readonly caCertificates?: readonly string[];
  readonly connectTimeoutMs?: number;
  // Longest silence while waiting for or reading an answer.
  readonly idleTimeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly clock?: Clock;
  // The jitter source; tests pass a fixed one.
  readonly random?: () => number;
}

export interface SendEdocOptions {
  // The sender's OrganId.
  readonly from: string;
  readonly messageType: MessageType;
  // Recipient OrganIds; without them the hub routes by the package's To / ResponseFor.
  readonly to?: readonly string[];
}

export interface SentPackage {
  // The hub's id of the stored package.
  readonly docId: string;
  readonly sha256: string;
  readonly size: number;
}

export interface ReceivedListQuery {
  readonly messageType: MessageType;
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly status?: string;
  readonly pageSize?: number;
  readonly pageIndex?: number;
}

export interface SentListQuery {
  readonly messageType: MessageType;
  readonly docId?: string;
}

export interface ProbeResult {
  // The hub answered (even a refusal proves the network path works).
  readonly reachable: boolean;
  readonly latencyMs: number | null;
  readonly detail: string | null;
}

export interface HubClient {
  sendEdoc(filePath: string, options: SendEdocOptions): Promise<SentPackage>;
  getReceivedEdocList(query: ReceivedListQuery): Promise<ReceivedEdoc[]>;
  downloadEdoc(docId: string, destPath: string, options?: DownloadOptions): Promise<DownloadResult>;
  getEdoc(docId: string, destPath: string): Promise<ReceivedFile>;
  updateStatus(docId: string, status: AckStatus, description?: string): Promise<void>;
  getSentEdocList(query: SentListQuery): Promise<SentEdoc[]>;
  countReceiveEdoc(): Promise<number>;
  countReceiveStatus(): Promise<number>;
  getAgenciesList(): Promise<Agency[]>;
  getAgenciesListQD20(options?: { readonly level?: string }): Promise<AgencyQd20[]>;
  getSynchronizeUnit(): Promise<SynchronizeUnit[]>;
  probe(timeoutMs?: number): Promise<ProbeResult>;
  close(): void;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 3_000;
const CRLF = Buffer.from('\r\n');
const EMPTY_OBJECT = Buffer.from('{}');

function endpointUrl(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('INVALID_INPUT', 'Địa chỉ trục liên thông phải bắt đầu bằng http:// hoặc https://.', `hub endpoint ${JSON.stringify(endpoint)} is not http(s)`);
  }
  return url;
}

// List items the hub sent that do not fit the schema (a received item without docId) are
// dropped: nothing could be done with them.
function items<T extends z.ZodType>(schema: T, payload: Record<string, unknown> | null): Array<z.output<T>> {
  const data = payload?.data;
  if (!Array.isArray(data)) return [];
  const out: Array<z.output<T>> = [];
  for (const item of data) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

function jsonCall(operation: string, params: Record<string, string>, body: 'empty' | '{}'): Call {
  return { operation, method: 'POST', contentType: 'application/json', params, body: body === 'empty' ? null : { kind: 'bytes', data: EMPTY_OBJECT } };
}

export function createHubClient(config: HubClientConfig): HubClient {
  const endpoint = endpointUrl(config.endpoint);
  const agents = createAgents(endpoint, config.caCertificates);
  const exchange = new HubExchange({
    endpoint,
    systemId: config.systemId,
    secret: config.secret,
    agents,
    connectTimeoutMs: config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    idleTimeoutMs: config.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    retry: { ...DEFAULT_RETRY, ...config.retry },
    clock: config.clock ?? systemClock,
    random: config.random ?? Math.random,
  });

  const count = async (messageType: MessageType, operation: string): Promise<number> => {
    const payload = await exchange.json(jsonCall(operation, { servicetype: 'eDoc', messagetype: messageType }, '{}'));
    return countSchema.parse(payload ?? {}).count ?? 0;
  };

  return {
    // Never retried: the hub has no idempotency key, so a repeat could deliver the package
    // twice. A failure says whether the package may have arrived (data.outcome).
    async sendEdoc(filePath, options) {
      const file = await hashFile(filePath).catch((e: unknown) => {
        throw new AppError('FILE_MISSING', 'Không đọc được tệp gói tin cần gửi.', `cannot read ${filePath}: ${String(e)}`);
      });
      const params: Record<string, string> = { from: options.from, servicetype: 'eDoc', messagetype: options.messageType };
      // The SDK puts the JSON text of its "to" element, so an array travels as ["A","B"].
      if (options.to && options.to.length > 0) params.to = JSON.stringify(options.to);
      params['hash-file'] = file.sdkHex;
      const call: Call = {
        operation: 'sendEdoc',
        method: 'POST',
        contentType: 'application/octet-stream',
        params,
        body: { kind: 'file', path: filePath, size: file.size, trailer: CRLF },
        send: true,
      };
      const payload = await exchange.json(call);
      const result = sendResultSchema.safeParse(payload);
      if (!result.success) throw exchange.malformed(call, 'no DocId in a successful answer');
      return { docId: result.data.DocId, sha256: file.hex, size: file.size };
    },

    async getReceivedEdocList(query) {
      const params: Record<string, string> = { servicetype: 'eDoc', messagetype: query.messageType };
      if (query.fromDate !== undefined) params.fromDate = query.fromDate;
      if (query.toDate !== undefined) params.toDate = query.toDate;
      if (query.status !== undefined) params.status = query.status;
      if (query.pageSize !== undefined) params.pageSize = String(query.pageSize);
      if (query.pageIndex !== undefined) params.pageIndex = String(query.pageIndex);
      return items(receivedEdocSchema, await exchange.json(jsonCall('getReceivedEdocList', params, 'empty'), true));
    },

    downloadEdoc: (docId, destPath, options) => downloadEdoc(exchange, docId, destPath, options),

    getEdoc: (docId, destPath) => getEdoc(exchange, docId, destPath),

    // Safe to repeat: setting the same status twice leaves the hub as once.
    async updateStatus(docId, status, description) {
      const params: Record<string, string> = { docId, status };
      if (description !== undefined && description.trim() !== '') params.description = asciiText(description);
      await exchange.json(jsonCall('updateStatus', params, '{}'));
    },

    async getSentEdocList(query) {
      const params: Record<string, string> = { servicetype: 'eDoc', messagetype: query.messageType };
      if (query.docId !== undefined) params.docId = query.docId;
      return items(sentEdocSchema, await exchange.json(jsonCall('getSentEdocList', params, 'empty'), true));
    },

    countReceiveEdoc: () => count('edoc', 'countReceiveEdoc'),
    countReceiveStatus: () => count('status', 'countReceiveStatus'),

    async getAgenciesList() {
      return items(agencySchema, await exchange.json(jsonCall('getAgenciesList', {}, 'empty')));
    },

    async getAgenciesListQD20(options = {}) {
      return items(agencyQd20Schema, await exchange.json(jsonCall('getAgenciesListQD20', options.level === undefined ? {} : { level: options.level }, 'empty')));
    },

    async getSynchronizeUnit() {
      return items(synchronizeUnitSchema, await exchange.json(jsonCall('getSynchronizeUnit', {}, 'empty')));
    },

    // countReceiveEdoc with one short deadline and no retry: "is the specialised network up?"
    async probe(timeoutMs = DEFAULT_PROBE_TIMEOUT_MS) {
      const started = performance.now();
      const call: Call = {
        ...jsonCall('countReceiveEdoc', { servicetype: 'eDoc', messagetype: 'edoc' }, '{}'),
        deadlineMs: timeoutMs,
        connectTimeoutMs: timeoutMs,
        idleTimeoutMs: timeoutMs,
      };
      try {
        await exchange.once(call);
        return { reachable: true, latencyMs: Math.round(performance.now() - started), detail: null };
      } catch (e) {
        const latencyMs = Math.round(performance.now() - started);
        if (e instanceof AppError && e.code === 'HUB_REFUSED') return { reachable: true, latencyMs, detail: e.message };
        if (e instanceof AppError) return { reachable: false, latencyMs: null, detail: e.message };
        return { reachable: false, latencyMs: null, detail: String(e) };
      }
    },

    close() {
      agents.pooled.destroy();
      agents.fresh.destroy();
    },
  };
}

