import { createHash, createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubClient, type HubClient } from '../../src/main/hub/hub-client.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { envelope, json, type RecordedRequest, type RecordingServer, startRecordingServer } from '../support/recording-server.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';

// The request each operation puts on the wire, checked byte for byte against hub-api.md and the
// official SDK: the XroadVnpt-* headers verify with the secret, every signed header carries the
// signed value, and bodies are what the SDK sends.

const SECRET = 'A7TKG/r2gOKTEpe1MhWx6zw8O4JfzN0KkCRS6HZY81Ve';
const SYSTEM_ID = 'vxp.saas.03';
// 2026-03-05 08:09:10.042 in Vietnam.
const NOW = '2026-03-05T01:09:10.042Z';
const TIMESTAMP = '05032026T080910+0042';

function header(r: RecordedRequest, name: string): string {
  const v = r.headers[name.toLowerCase()];
  if (typeof v !== 'string') throw new Error(`no ${name} header`);
  return v;
}

// Verifies the request as a hub would and returns the operation's parameters.
function verifySigned(r: RecordedRequest, contentType: string): Record<string, string> {
  const signHeader = header(r, 'XroadVnpt-sign-header');
  expect(header(r, 'XroadVnpt-hash-header')).toBe(createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(signHeader, 'utf8').digest('hex'));
  const signed = JSON.parse(signHeader) as Record<string, string>;
  const names = header(r, 'XroadVnpt-sign-header-key').split(';');
  expect(Object.keys(signed)).toEqual(names.map((n) => `XroadVnpt-${n}`));
  for (const name of names) expect(header(r, `XroadVnpt-${name}`)).toBe(signed[`XroadVnpt-${name}`]);
  expect(header(r, 'User-Agent')).toBe('JAVASDKAgent/1.0.0 XRoad/VPCP');
  expect(header(r, 'XroadVnpt-version')).toBe('3.0.201608');
  expect(header(r, 'Content-Type')).toBe(contentType);
  const { 'XroadVnpt-systemid': systemId, 'XroadVnpt-timestamp': timestamp, 'XroadVnpt-Content-Type': signedType, ...params } = signed;
  expect(systemId).toBe(SYSTEM_ID);
  expect(timestamp).toBe(TIMESTAMP);
  expect(signedType).toBe(contentType);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k.slice('XroadVnpt-'.length), v]));
}

describe('hub client: the wire format of every operation', () => {
  let server: RecordingServer;
  let client: HubClient;
  let dir: { dir: string; cleanup: () => void };

  beforeAll(() => {
    dir = tempDir('vanthu-hub-wire-');
  });
  afterAll(() => dir.cleanup());
  beforeEach(async () => {
    server = await startRecordingServer({ basePath: '/XrdAdapter/adapter' });
    client = createHubClient({ endpoint: server.url, systemId: SYSTEM_ID, secret: SECRET, clock: fixedClock(NOW), retry: { attempts: 1 } });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('sendEdoc: the file then CRLF as the body, hash-file unpadded over the file alone, the hub DocId back', async () => {
    // A package whose digest has a byte below 0x10, so the unpadded form differs from plain hex.
    let content = '';
    let digest = Buffer.alloc(0);
    for (let i = 0; ; i++) {
      content = `<?xml version="1.0" encoding="UTF-8"?><edXMLEnvelope n="${i}"/>\n`;
      digest = createHash('sha256').update(content).digest();
      if (digest.some((b) => b < 0x10)) break;
    }
    const unpadded = [...digest].map((b) => b.toString(16)).join('');
    expect(unpadded.length).toBeLessThan(64);
    const file = join(dir.dir, 'out.edxml');
    writeFileSync(file, content);
    server.on('sendEdoc', json(envelope({ DocId: '5bebcfeff858e3e0cc154762' })));

    const sent = await client.sendEdoc(file, { from: '000.00.00.G22', messageType: 'edoc' });

    expect(sent).toEqual({ docId: '5bebcfeff858e3e0cc154762', sha256: digest.toString('hex'), size: Buffer.byteLength(content) });
    const [r] = server.of('sendEdoc');
    if (!r) throw new Error('no request');
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/XrdAdapter/adapter/sendEdoc');
    expect(r.body.equals(Buffer.concat([Buffer.from(content), Buffer.from('\r\n')]))).toBe(true);
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength(content) + 2));
    expect(verifySigned(r, 'application/octet-stream')).toEqual({ from: '000.00.00.G22', servicetype: 'eDoc', messagetype: 'edoc', 'hash-file': unpadded });
    // The SDK's HashMap order, then the fixed trailer headers.
    const names = r.rawHeaders.filter((_, i) => i % 2 === 0);
    const signedPart = names.filter((n) => n.startsWith('XroadVnpt-') || n === 'Content-Type' || n === 'User-Agent');
    expect(signedPart).toEqual([
      'XroadVnpt-systemid',
      'XroadVnpt-servicetype',
      'XroadVnpt-messagetype',
      'XroadVnpt-hash-file',
      'XroadVnpt-from',
      'XroadVnpt-timestamp',
      'Content-Type',
      'XroadVnpt-Content-Type',
      'XroadVnpt-sign-header-key',
      'XroadVnpt-sign-header',
      'XroadVnpt-hash-header',
      'User-Agent',
      'XroadVnpt-version',
    ]);
  });

  it('sendEdoc: recipients travel as the JSON text of an array, status packages as messagetype=status', async () => {
    const file = join(dir.dir, 'status.edxml');
    writeFileSync(file, '<Status/>');
    server.on('sendEdoc', json(envelope({ DocId: 'd1' })));
    await client.sendEdoc(file, { from: '000.46.24.H17', messageType: 'status', to: ['000.00.00.G22', '000.00.12.H13'] });
    const [r] = server.of('sendEdoc');
    if (!r) throw new Error('no request');
    expect(verifySigned(r, 'application/octet-stream')).toMatchObject({ messagetype: 'status', to: '["000.00.00.G22","000.00.12.H13"]' });
  });

  it('getReceivedEdocList: an empty POST with the query as headers, typed items back', async () => {
    server.on(
      'getReceivedEdocList',
      json(
        envelope({
          data: [
            { docId: 'a1', serviceType: 'eDoc', messageType: 'edoc', created_time: '2026-03-05 08:00:00', updated_time: null, from: '000.00.00.G22', to: '000.46.24.H17', status: 'initial', status_desc: 'Mới' },
            { serviceType: 'eDoc' },
            { docId: 42 },
          ],
        }),
      ),
    );
    const list = await client.getReceivedEdocList({ messageType: 'edoc', fromDate: '01/03/2026', toDate: '05/03/2026', status: 'initial', pageSize: 50, pageIndex: 2 });
    expect(list).toEqual([
      { docId: 'a1', serviceType: 'eDoc', messageType: 'edoc', createdTime: '2026-03-05 08:00:00', updatedTime: null, from: '000.00.00.G22', to: '000.46.24.H17', status: 'initial', statusDesc: 'Mới' },
      { docId: '42', serviceType: null, messageType: null, createdTime: null, updatedTime: null, from: null, to: null, status: null, statusDesc: null },
    ]);
    const [r] = server.of('getReceivedEdocList');
    if (!r) throw new Error('no request');
    expect(r.method).toBe('POST');
    expect(r.body.length).toBe(0);
    expect(verifySigned(r, 'application/json')).toEqual({
      servicetype: 'eDoc',
      messagetype: 'edoc',
      fromDate: '01/03/2026',
      toDate: '05/03/2026',
      status: 'initial',
      pageSize: '50',
      pageIndex: '2',
    });
  });

  it('getReceivedEdocList: an empty or non-JSON body means no items; a FAIL envelope is a refusal', async () => {
    server.on('getReceivedEdocList', json(''), json('<html>no</html>'), json(envelope({}, '-1', 'Invalid signature')));
    expect(await client.getReceivedEdocList({ messageType: 'status' })).toEqual([]);
    expect(await client.getReceivedEdocList({ messageType: 'status' })).toEqual([]);
    const e = await expectAppErrorAsync(() => client.getReceivedEdocList({ messageType: 'status' }), 'HUB_REFUSED', /từ chối/);
    expect(e.data).toMatchObject({ operation: 'getReceivedEdocList', errorCode: '-1', errorDesc: 'Invalid signature' });
    expect(e.message).toContain('Invalid signature');
  });

  it('getEdoc, updateStatus and the counts: POST {} with their parameters', async () => {
    server.on('getEdoc', json(envelope({ data: Buffer.from('<x/>').toString('base64') })));
    server.on('updateStatus', json(envelope()));
    server.on('countReceiveEdoc', json(envelope({ count: 7 })));
    server.on('countReceiveStatus', json(envelope({ count: '3' })));

    await client.getEdoc('8af226c8-7cde-4fbe-88fe-e15a768b49cb', join(dir.dir, 'got.edxml'));
    await client.updateStatus('8af226c8-7cde-4fbe-88fe-e15a768b49cb', 'fail', 'Không đọc được tệp đính kèm: chữ ký số sai');
    expect(await client.countReceiveEdoc()).toBe(7);
    expect(await client.countReceiveStatus()).toBe(3);

    const expectations: Array<[string, Record<string, string>]> = [
      ['getEdoc', { docId: '8af226c8-7cde-4fbe-88fe-e15a768b49cb' }],
      // Header values must be ASCII to verify: the reason goes without diacritics.
      ['updateStatus', { docId: '8af226c8-7cde-4fbe-88fe-e15a768b49cb', status: 'fail', description: 'Khong doc duoc tep dinh kem: chu ky so sai' }],
      ['countReceiveEdoc', { servicetype: 'eDoc', messagetype: 'edoc' }],
      ['countReceiveStatus', { servicetype: 'eDoc', messagetype: 'status' }],
    ];
    for (const [operation, params] of expectations) {
      const [r] = server.of(operation);
      if (!r) throw new Error(`no ${operation}`);
      expect(r.method, operation).toBe('POST');
      expect(r.body.toString(), operation).toBe('{}');
      expect(verifySigned(r, 'application/json'), operation).toEqual(params);
    }
  });

  it('downloadEdoc: a GET with docId and no Range when nothing was downloaded before', async () => {
    server.on('downloadEdoc', (_r, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 4 });
      res.end('<a/>');
    });
    const got = await client.downloadEdoc('5bebcfeff858e3e0cc154762', join(dir.dir, 'dl.edxml'));
    expect(got).toEqual({ size: 4, sha256: createHash('sha256').update('<a/>').digest('hex'), resumedFrom: 0 });
    const [r] = server.of('downloadEdoc');
    if (!r) throw new Error('no request');
    expect(r.method).toBe('GET');
    expect(r.headers.range).toBeUndefined();
    expect(verifySigned(r, 'application/json')).toEqual({ docId: '5bebcfeff858e3e0cc154762' });
  });

  it('getSentEdocList and the agency directory: empty POSTs, typed items', async () => {
    server.on(
      'getSentEdocList',
      json(envelope({ data: [{ serviceType: 'eDoc', messageType: 'edoc', senderDocId: 's1', receiverDocId: 'r1', fromCode: 'A', toCode: 'B', title: 'Về việc', notation: '12/UBND-VP', sentTime: 't1', receivedTime: null, sendStatus: 'done', sendStatusDesc: '', receiveStatus: 'initial', receiveStatusDesc: '' }] })),
    );
    server.on('getAgenciesList', json(envelope({ data: [{ id: 1, code: '000.00.00.G22', name: 'Văn phòng Chính phủ', mail: 'vpcp@chinhphu.vn', pid: 0, oldCode: null }] })));
    server.on('getAgenciesListQD20', json(envelope({ data: [{ id: '2', code: 'G22', name: 'VPCP', mail: '', code102: '000.00.00.G22' }] })));
    server.on(
      'getSynchronizeUnit',
      json(envelope({ data: [{ id: '3', code: 'H17', name: 'Tỉnh', mail: null, pid: '1', version: 4, centerCode: 'C1', deleted: false, modifyDate: '2026-01-01', isAgency: 'true' }] })),
    );

    expect(await client.getSentEdocList({ messageType: 'edoc', docId: 's1' })).toEqual([
      { serviceType: 'eDoc', messageType: 'edoc', senderDocId: 's1', receiverDocId: 'r1', fromCode: 'A', toCode: 'B', title: 'Về việc', notation: '12/UBND-VP', sentTime: 't1', receivedTime: null, sendStatus: 'done', sendStatusDesc: '', receiveStatus: 'initial', receiveStatusDesc: '' },
    ]);
    expect(await client.getAgenciesList()).toEqual([{ id: '1', code: '000.00.00.G22', name: 'Văn phòng Chính phủ', mail: 'vpcp@chinhphu.vn', pid: '0', oldCode: null }]);
    expect(await client.getAgenciesListQD20({ level: '1' })).toEqual([{ id: '2', code: 'G22', name: 'VPCP', mail: '', code102: '000.00.00.G22' }]);
    expect(await client.getSynchronizeUnit()).toEqual([
      { id: '3', code: 'H17', name: 'Tỉnh', mail: null, pid: '1', version: 4, centerCode: 'C1', deleted: false, modifyDate: '2026-01-01', isAgency: true },
    ]);

    const expectations: Array<[string, Record<string, string>]> = [
      ['getSentEdocList', { servicetype: 'eDoc', messagetype: 'edoc', docId: 's1' }],
      ['getAgenciesList', {}],
      ['getAgenciesListQD20', { level: '1' }],
      ['getSynchronizeUnit', {}],
    ];
    for (const [operation, params] of expectations) {
      const [r] = server.of(operation);
      if (!r) throw new Error(`no ${operation}`);
      expect(r.method, operation).toBe('POST');
      expect(r.body.length, operation).toBe(0);
      expect(verifySigned(r, 'application/json'), operation).toEqual(params);
    }
  });
});
