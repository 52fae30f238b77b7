import { readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/main.ts';
import { A, B, C, CRED_A, CRED_B, CRED_C, documentPackage, statusPackage, SYS_B, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { hubCall, sdkHashFile, signedHeaders, type HubCredentials, type HubResponse } from '../support/hub-request.ts';

interface Envelope {
  status: string;
  ErrorCode: string;
  ErrorDesc: string;
  DocId?: string;
  data?: unknown;
  count?: number;
}
interface ListItem {
  docId: string;
  from: string;
  to: string;
  messageType: string;
  status: string;
}
interface SentItem {
  senderDocId: string;
  receiverDocId: string;
  toCode: string;
  messageType: string;
  title: string;
  notation: string;
  receiveStatus: string;
}

let dir: TestHubDir;
let hub: RunningHub;

beforeEach(async () => {
  dir = testHubDir();
  hub = await dir.start();
});

afterEach(async () => {
  await hub.close();
  dir.remove();
});

// As the SDK uploads: the file then CRLF, hash-file in its unpadded hex.
function send(cred: HubCredentials, from: string, pkg: Buffer, messagetype = 'edoc', extra: Record<string, string> = {}): Promise<HubResponse> {
  return hubCall(hub.url, 'sendEdoc', cred, {
    params: { from, servicetype: 'eDoc', messagetype, 'hash-file': sdkHashFile(pkg), ...extra },
    contentType: 'application/octet-stream',
    body: Buffer.concat([pkg, Buffer.from('\r\n')]),
  });
}

async function list(cred: HubCredentials, messagetype = 'edoc', extra: Record<string, string> = {}): Promise<ListItem[]> {
  const r = await hubCall(hub.url, 'getReceivedEdocList', cred, { params: { servicetype: 'eDoc', messagetype, ...extra } });
  const env = r.json<Envelope>();
  expect(env.ErrorCode, env.ErrorDesc).toBe('0');
  return env.data as ListItem[];
}

function env(r: HubResponse): Envelope {
  return r.json<Envelope>();
}

// The TraceHeaders inside the package's TraceHeaderList, in document order.
function traceHeaders(xml: string): { organId: string; timestamp: string }[] {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  const out: { organId: string; timestamp: string }[] = [];
  parser.on('opentag', (t) => {
    stack.push(t.local);
    if (stack.slice(-2).join('/') === 'TraceHeaderList/TraceHeader') out.push({ organId: '', timestamp: '' });
  });
  parser.on('text', (text) => {
    const path = stack.slice(-3).join('/');
    const last = out[out.length - 1];
    if (last && path === 'TraceHeaderList/TraceHeader/OrganId') last.organId += text;
    if (last && path === 'TraceHeaderList/TraceHeader/Timestamp') last.timestamp += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return out;
}

describe('reference hub: authentication', () => {
  it('accepts the SDK headers, tolerates unsigned extra headers, and verifies non-ASCII values as raw bytes', async () => {
    const ok = await hubCall(hub.url, 'getAgenciesList', CRED_A, { headers: { 'XroadVnpt-docId': 'stale-from-an-earlier-call' } });
    expect(ok.status).toBe(200);
    expect(env(ok)).toMatchObject({ status: 'OK', ErrorCode: '0' });
    const pkg = documentPackage(A, [B]);
    expect(env(await send(CRED_A, A, pkg)).ErrorCode).toBe('0');
    const [item] = await list(CRED_B);
    const upd = await hubCall(hub.url, 'updateStatus', CRED_B, { params: { docId: item?.docId ?? '', status: 'fail', description: 'Không đọc được tệp đính kèm' } });
    expect(env(upd).ErrorCode).toBe('0');
    expect(hub.store.deliveries(B)[0]?.statusDesc).toBe('Không đọc được tệp đính kèm');
  });

  it('refuses a bad HMAC, a signed header whose value was changed, a missing signature and an unknown system', async () => {
    const badHmac = await hubCall(hub.url, 'getAgenciesList', CRED_A, {
      tamper: (h) => {
        h['XroadVnpt-hash-header'] = (h['XroadVnpt-hash-header'] ?? '').replace(/^./, (c) => (c === '0' ? '1' : '0'));
      },
    });
    const wrongSecret = await hubCall(hub.url, 'getAgenciesList', { systemId: CRED_A.systemId, secret: 'not-the-secret' });
    const tampered = await hubCall(hub.url, 'getReceivedEdocList', CRED_B, {
      params: { servicetype: 'eDoc', messagetype: 'edoc' },
      tamper: (h) => {
        h['XroadVnpt-messagetype'] = 'status';
      },
    });
    const unsigned = await hubCall(hub.url, 'getAgenciesList', CRED_A, {
      tamper: (h) => {
        delete h['XroadVnpt-sign-header'];
      },
    });
    const unknown = await hubCall(hub.url, 'getAgenciesList', { systemId: 'SYS-X', secret: CRED_A.secret });
    for (const r of [badHmac, wrongSecret, tampered, unsigned, unknown]) {
      expect(r.status).toBe(200);
      expect(env(r)).toMatchObject({ status: 'FAIL', ErrorCode: '2' });
    }
  });
});

describe('reference hub: documents', () => {
  it('routes a document to each To/OrganId, delivers it with one appended TraceHeader, and forgets it once acked', async () => {
    const pkg = documentPackage(A, [B, C]);
    const sent = env(await send(CRED_A, A, pkg));
    expect(sent).toMatchObject({ status: 'OK', ErrorCode: '0' });
    expect(sent.DocId).toMatch(/^[0-9a-f-]{36}$/);
    // The SDK's trailing CRLF is not part of the stored package.
    expect(hub.store.package(sent.DocId ?? '')?.size).toBe(pkg.length);

    const original = traceHeaders(pkg.toString('utf8'));
    for (const [cred, code] of [
      [CRED_B, B],
      [CRED_C, C],
    ] as const) {
      const items = await list(cred);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ from: A, to: code, messageType: 'edoc', status: 'initial' });
      const docId = items[0]?.docId ?? '';
      expect(docId).not.toBe(sent.DocId);

      const dl = await hubCall(hub.url, 'downloadEdoc', cred, { method: 'GET', params: { docId } });
      expect(dl.status).toBe(200);
      expect(Number(dl.headers['content-length'])).toBe(dl.body.length);
      const xml = dl.body.toString('utf8');
      const traces = traceHeaders(xml);
      expect(traces).toHaveLength(original.length + 1);
      expect(traces.slice(0, -1)).toEqual(original);
      expect(traces.at(-1)?.organId).toBe('000.00.00.G22');
      expect(traces.at(-1)?.timestamp).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
      // Nothing else changed: removing the inserted TraceHeader gives back the sent bytes.
      expect(xml.replace(/<edXML:TraceHeader><edXML:OrganId>000\.00\.00\.G22<\/edXML:OrganId><edXML:Timestamp>[^<]*<\/edXML:Timestamp><\/edXML:TraceHeader>(?=<\/edXML:TraceHeaderList>)/, '')).toBe(
        pkg.toString('utf8'),
      );

      // getEdoc carries the very same bytes as base64 in the envelope.
      const got = await hubCall(hub.url, 'getEdoc', cred, { params: { docId } });
      const gotEnv = env(got);
      expect(gotEnv.ErrorCode).toBe('0');
      expect(Buffer.from(gotEnv.data as string, 'base64').equals(dl.body)).toBe(true);

      // A download resumes from a byte offset.
      const tail = await hubCall(hub.url, 'downloadEdoc', cred, { method: 'GET', params: { docId }, headers: { Range: 'bytes=1000-' } });
      expect(tail.status).toBe(206);
      expect(tail.body.equals(dl.body.subarray(1000))).toBe(true);

      expect(env(await hubCall(hub.url, 'countReceiveEdoc', cred, { params: { servicetype: 'eDoc' } })).count).toBe(1);
      expect(env(await hubCall(hub.url, 'updateStatus', cred, { params: { docId, status: 'done' } })).ErrorCode).toBe('0');
      expect(await list(cred)).toEqual([]);
      expect(env(await hubCall(hub.url, 'countReceiveEdoc', cred, { params: { servicetype: 'eDoc' } })).count).toBe(0);
    }
    expect(hub.store.deliveries().map((d) => [d.toCode, d.ackCount, d.downloadCount, d.pending])).toEqual([
      [B, 1, 3, false],
      [C, 1, 3, false],
    ]);
  });

  it('has no idempotency: the same bytes sent twice are two packages', async () => {
    const pkg = documentPackage(A, [B]);
    const first = env(await send(CRED_A, A, pkg)).DocId;
    const second = env(await send(CRED_A, A, pkg)).DocId;
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(await list(CRED_B)).toHaveLength(2);
  });

  it('lists the caller’s pending items only, with paging, status filter and processing kept listed', async () => {
    for (let i = 0; i < 3; i++) await send(CRED_A, A, documentPackage(A, [B, SYS_B.agencies[1]?.code ?? '']));
    const all = await list(CRED_B);
    expect(all).toHaveLength(6);
    expect(await list(CRED_C)).toEqual([]);
    expect(await list(CRED_B, 'edoc', { pageSize: '4', pageIndex: '2' })).toEqual(all.slice(4));
    const first = all[0]?.docId ?? '';
    await hubCall(hub.url, 'updateStatus', CRED_B, { params: { docId: first, status: 'processing' } });
    expect(await list(CRED_B, 'edoc', { status: 'processing' })).toEqual([expect.objectContaining({ docId: first, status: 'processing' })]);
    // A `status` left over from the SDK's last updateStatus does not hide the list.
    expect(await list(CRED_B, 'edoc', { status: 'done' })).toHaveLength(6);
    const bad = await hubCall(hub.url, 'getReceivedEdocList', CRED_B, { params: { messagetype: 'edoc', pageSize: '0' } });
    expect(env(bad).ErrorCode).toBe('1');
  });

  it('routes a status package by ResponseFor/OrganId and delivers it unchanged', async () => {
    const pkg = statusPackage(B, A);
    expect(env(await send(CRED_B, B, pkg, 'status')).ErrorCode).toBe('0');
    expect(await list(CRED_A, 'edoc')).toEqual([]);
    const items = await list(CRED_A, 'status');
    expect(items).toEqual([expect.objectContaining({ from: B, to: A, messageType: 'status' })]);
    expect(env(await hubCall(hub.url, 'countReceiveStatus', CRED_A, { params: {} })).count).toBe(1);
    const dl = await hubCall(hub.url, 'downloadEdoc', CRED_A, { method: 'GET', params: { docId: items[0]?.docId ?? '' } });
    expect(dl.body.equals(pkg)).toBe(true);
  });

  it('lists what a system sent, per recipient, with each receive status', async () => {
    const docId = env(await send(CRED_A, A, documentPackage(A, [B, C]))).DocId;
    const [bItem] = await list(CRED_B);
    await hubCall(hub.url, 'updateStatus', CRED_B, { params: { docId: bItem?.docId ?? '', status: 'done' } });
    const r = await hubCall(hub.url, 'getSentEdocList', CRED_A, { params: { servicetype: 'eDoc', messagetype: 'edoc' } });
    const items = env(r).data as SentItem[];
    expect(items.map((i) => [i.senderDocId, i.toCode, i.receiveStatus])).toEqual([
      [docId, B, 'done'],
      [docId, C, 'initial'],
    ]);
    expect(items[0]).toMatchObject({ receiverDocId: bItem?.docId, title: 'V/v kết nối, liên thông phần mềm quản lý văn bản', notation: '74fass22/VPCP-TTĐT' });
    const byDoc = await hubCall(hub.url, 'getSentEdocList', CRED_A, { params: { docId: 'no-such-doc' } });
    expect(env(byDoc).data).toEqual([]);
    expect(env(await hubCall(hub.url, 'getSentEdocList', CRED_B, { params: {} })).data).toEqual([]);
  });

  it('refuses a wrong hash-file, a foreign `from`, an unknown recipient, a DOCTYPE, and another system’s docId', async () => {
    const pkg = documentPackage(A, [B]);
    const badHash = await hubCall(hub.url, 'sendEdoc', CRED_A, {
      params: { from: A, servicetype: 'eDoc', messagetype: 'edoc', 'hash-file': sdkHashFile(Buffer.from('something else')) },
      contentType: 'application/octet-stream',
      body: pkg,
    });
    expect(env(badHash)).toMatchObject({ status: 'FAIL', ErrorCode: '6' });
    // Normal 64-char hex is accepted as well as the SDK's unpadded form.
    const padded = await hubCall(hub.url, 'sendEdoc', CRED_A, {
      params: { from: A, messagetype: 'edoc', 'hash-file': (await import('node:crypto')).createHash('sha256').update(pkg).digest('hex') },
      contentType: 'application/octet-stream',
      body: pkg,
    });
    expect(env(padded).ErrorCode).toBe('0');
    expect(env(await send(CRED_A, B, documentPackage(B, [C])))).toMatchObject({ ErrorCode: '3' });
    expect(env(await send(CRED_A, A, documentPackage(A, ['000.00.77.H99'])))).toMatchObject({ ErrorCode: '9' });
    const doctype = Buffer.from(pkg.toString('utf8').replace('<edXML ', '<!DOCTYPE edXML [<!ENTITY x "y">]>\n<edXML '));
    expect(env(await send(CRED_A, A, doctype))).toMatchObject({ ErrorCode: '5' });
    expect(env(await send(CRED_A, A, Buffer.from('not xml at all')))).toMatchObject({ ErrorCode: '5' });
    expect(hub.store.packages()).toHaveLength(1);

    const [item] = await list(CRED_B);
    const foreign = await hubCall(hub.url, 'downloadEdoc', CRED_C, { method: 'GET', params: { docId: item?.docId ?? '' } });
    expect(env(foreign)).toMatchObject({ ErrorCode: '4' });
    expect(env(await hubCall(hub.url, 'updateStatus', CRED_C, { params: { docId: item?.docId ?? '', status: 'done' } })).ErrorCode).toBe('4');
    expect(await list(CRED_B)).toHaveLength(1);
  });

  it('leaves nothing behind when an upload is cut halfway', async () => {
    const pkg = documentPackage(A, [B]);
    const headers = { ...signedHeaders(CRED_A, { from: A, messagetype: 'edoc' }, 'application/octet-stream', new Date()), 'Content-Length': String(pkg.length) };
    const req = request(`${hub.url}/sendEdoc`, { method: 'POST', headers, agent: false });
    req.on('error', () => undefined);
    req.write(pkg.subarray(0, 100_000));
    await sleep(100);
    req.destroy();
    for (let i = 0; i < 50 && readdirSync(join(dir.dataDir, 'tmp')).length > 0; i++) await sleep(20);
    expect(readdirSync(join(dir.dataDir, 'tmp'))).toEqual([]);
    expect(hub.store.packages()).toEqual([]);
    expect(await list(CRED_B)).toEqual([]);
  });

  it('keeps its queue across a restart on the same data directory, and sweeps crash leftovers', async () => {
    await send(CRED_A, A, documentPackage(A, [B, C]));
    const before = await list(CRED_B);
    await hub.close();
    writeFileSync(join(dir.dataDir, 'tmp', 'half-written.part'), 'x');
    writeFileSync(join(dir.dataDir, 'packages', 'never-committed.edxml'), 'x');
    hub = await dir.start();
    expect(readdirSync(join(dir.dataDir, 'tmp'))).toEqual([]);
    expect(readdirSync(join(dir.dataDir, 'packages'))).toHaveLength(1);
    expect(await list(CRED_B)).toEqual(before);
    const dl = await hubCall(hub.url, 'downloadEdoc', CRED_B, { method: 'GET', params: { docId: before[0]?.docId ?? '' } });
    expect(traceHeaders(dl.body.toString('utf8'))).toHaveLength(2);
    expect(await list(CRED_C)).toHaveLength(1);
  });
});

describe('reference hub: agency directory', () => {
  it('serves the systems file agencies and those registered or deleted through the API', async () => {
    const codes = (r: HubResponse): string[] => (env(r).data as { code: string }[]).map((a) => a.code);
    expect(codes(await hubCall(hub.url, 'getAgenciesList', CRED_A))).toEqual([A, B, C, SYS_B.agencies[1]?.code].sort());
    const unit = (env(await hubCall(hub.url, 'getAgenciesList', CRED_A)).data as { code: string; pid: string }[]).find((a) => a.code === '000.02.02.H99');
    expect(unit?.pid).toBe(B);

    const agency = { id: 'x1', pcode: C, code: '000.05.03.H99', name: 'Phòng Tư pháp', mail: 'tp@example.vn', mobile: '', fax: '' };
    expect(env(await hubCall(hub.url, 'registerAgency', CRED_C, { body: JSON.stringify(agency) })).ErrorCode).toBe('0');
    expect(env(await hubCall(hub.url, 'registerAgency', CRED_A, { body: JSON.stringify(agency) })).ErrorCode).toBe('8');
    expect(codes(await hubCall(hub.url, 'getAgenciesListQD20', CRED_A, { params: { level: '1' } }))).toContain('000.05.03.H99');
    // The new agency receives for its system.
    await send(CRED_A, A, documentPackage(A, ['000.05.03.H99']));
    expect(await list(CRED_C)).toHaveLength(1);

    expect(env(await hubCall(hub.url, 'deleteAgency', CRED_A, { params: { AgencyCode: '000.05.03.H99' } })).ErrorCode).toBe('3');
    expect(env(await hubCall(hub.url, 'deleteAgency', CRED_C, { params: { AgencyCode: C } })).ErrorCode).toBe('3');
    expect(env(await hubCall(hub.url, 'deleteAgency', CRED_C, { params: { AgencyCode: '000.05.03.H99' } })).ErrorCode).toBe('0');
    expect(codes(await hubCall(hub.url, 'getAgenciesList', CRED_A))).not.toContain('000.05.03.H99');
    const sync = env(await hubCall(hub.url, 'getSynchronizeUnit', CRED_A)).data as { code: string; deleted: boolean }[];
    expect(sync.find((a) => a.code === '000.05.03.H99')?.deleted).toBe(true);
    expect(env(await hubCall(hub.url, 'noSuchOperation', CRED_A))).toMatchObject({ ErrorCode: '7' });
  });
});
