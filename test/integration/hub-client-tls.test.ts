import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubClient } from '../../src/main/hub/hub-client.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { envelope, json, type RecordingServer, startRecordingServer } from '../support/recording-server.ts';
import { tempDir } from '../support/temp-profile.ts';

// The hub behind HTTPS with a certificate from a private CA (as provincial hubs use): accepted
// when the profile trusts that CA, refused otherwise, and a refused TLS handshake means a
// package was not sent.

function openssl(cwd: string, args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

describe('hub client over HTTPS with a custom CA', () => {
  let dir: { dir: string; cleanup: () => void };
  let server: RecordingServer;
  let caPem: string;
  let packagePath: string;

  beforeAll(async () => {
    dir = tempDir('vanthu-hub-tls-');
    const d = dir.dir;
    openssl(d, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=VanThu Test Hub CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(d, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'hub.key', '-out', 'hub.csr', '-subj', '/CN=127.0.0.1']);
    writeFileSync(join(d, 'hub.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\n');
    openssl(d, ['x509', '-req', '-in', 'hub.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'hub.pem', '-days', '30', '-extfile', 'hub.ext']);
    caPem = readFileSync(join(d, 'ca.pem'), 'utf8');
    server = await startRecordingServer({ tls: { key: readFileSync(join(d, 'hub.key'), 'utf8'), cert: readFileSync(join(d, 'hub.pem'), 'utf8') } });
    server.on('getAgenciesList', json(envelope({ data: [{ code: '000.00.00.G22' }] })));
    server.on('sendEdoc', json(envelope({ DocId: 'tls-1' })));
    packagePath = join(d, 'p.edxml');
    writeFileSync(packagePath, '<edXMLEnvelope/>');
  }, 60_000);
  afterAll(async () => {
    await server.close();
    dir.cleanup();
  });

  it('talks to the hub when its CA is configured', async () => {
    expect(server.url.startsWith('https://')).toBe(true);
    const client = createHubClient({ endpoint: server.url, systemId: 'sys', secret: 's', caCertificates: [caPem], retry: { attempts: 1 } });
    try {
      expect((await client.getAgenciesList()).map((a) => a.code)).toEqual(['000.00.00.G22']);
      expect((await client.sendEdoc(packagePath, { from: '000.46.24.H17', messageType: 'edoc' })).docId).toBe('tls-1');
    } finally {
      client.close();
    }
  });

  it('refuses the hub without the CA, and a package refused at the handshake is known not sent', async () => {
    const before = server.requests.length;
    const client = createHubClient({ endpoint: server.url, systemId: 'sys', secret: 's', retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    try {
      const e = await expectAppErrorAsync(() => client.getAgenciesList(), 'HUB_UNREACHABLE');
      expect(e.data).toMatchObject({ transient: false });
      const send = await expectAppErrorAsync(() => client.sendEdoc(packagePath, { from: '000.46.24.H17', messageType: 'edoc' }), 'HUB_UNREACHABLE');
      expect(send.data).toMatchObject({ outcome: 'not-sent' });
      expect((await client.probe()).reachable).toBe(false);
    } finally {
      client.close();
    }
    expect(server.requests.length).toBe(before);
  });
});
