import { createHash, createPrivateKey, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signedAttributesDer } from '../../src/main/signing/cms/build-cms.ts';
import { signingCertificateV2 } from '../../src/main/signing/cms/ess-signing-certificate.ts';
import { OID } from '../../src/main/signing/cms/oids.ts';
import type { TestIdentity, TestPki } from './test-pki.ts';

// A real RFC 3161 timestamping authority on loopback (node:http, 127.0.0.1, a free port), signing
// with the test PKI's TSA certificate the way production TSAs do (ESS signing-certificate-v2 in
// the signed attributes, the certificate in the token when asked). `fail` makes it misbehave in
// one of the ways a real TSA or the network can; `identity` signs as someone else; `clock` sets
// genTime.
export type TestTsaFailure = 'http-500' | 'garbage' | 'wrong-imprint' | 'rejection' | 'hang' | 'oversize';

export interface TestTsaOptions {
  readonly fail?: TestTsaFailure;
  readonly identity?: TestIdentity;
  readonly clock?: () => Date;
}

export interface TestTsa {
  readonly url: string;
  // Requests received so far.
  readonly requests: number;
  close(): Promise<void>;
}

const TEST_POLICY = '1.3.6.1.4.1.55555.1.1';

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

function signToken(identity: TestIdentity, info: pkijs.TSTInfo, includeCertificate: boolean): pkijs.ContentInfo {
  const certificate = pkijs.Certificate.fromBER(identity.der);
  const tstInfo = info.toSchema().toBER();
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.tstInfo })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: createHash('sha256').update(Buffer.from(tstInfo)).digest() })),
      attribute(OID.signingCertificateV2, signingCertificateV2(certificate, identity.der)),
    ],
  });
  const key = createPrivateKey(identity.privateKeyPem);
  const signature = sign('sha256', signedAttributesDer(signedAttrs), { key, dsaEncoding: 'der' });
  const signedData = new pkijs.SignedData({
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: tstInfo }) }),
    ...(includeCertificate ? { certificates: [certificate] } : {}),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
        signedAttrs,
        signatureAlgorithm: new pkijs.AlgorithmIdentifier({
          algorithmId: key.asymmetricKeyType === 'ec' ? OID.ecdsaWithSha256 : OID.rsaEncryption,
          ...(key.asymmetricKeyType === 'ec' ? {} : { algorithmParams: new asn1js.Null() }),
        }),
        signature: new asn1js.OctetString({ valueHex: signature }),
      }),
    ],
  });
  return new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
}

function reply(request: pkijs.TimeStampReq, identity: TestIdentity, serial: number, options: TestTsaOptions): pkijs.TimeStampResp {
  if (options.fail === 'rejection') {
    return new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({
        status: pkijs.PKIStatus.rejection,
        statusStrings: [new asn1js.Utf8String({ value: 'policy not accepted' })],
        failInfo: new asn1js.BitString({ valueHex: new Uint8Array([0x80]), unusedBits: 7 }),
      }),
    });
  }
  const imprint =
    options.fail === 'wrong-imprint'
      ? new pkijs.MessageImprint({ hashAlgorithm: request.messageImprint.hashAlgorithm, hashedMessage: new asn1js.OctetString({ valueHex: createHash('sha256').update('other').digest() }) })
      : request.messageImprint;
  const genTime = options.clock?.() ?? new Date();
  genTime.setUTCMilliseconds(0);
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: TEST_POLICY,
    messageImprint: imprint,
    serialNumber: new asn1js.Integer({ value: serial }),
    genTime,
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  return new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
    timeStampToken: signToken(identity, info, request.certReq === true),
  });
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTestTsa(pki: TestPki, options: TestTsaOptions = {}): Promise<TestTsa> {
  const identity = options.identity ?? pki.tsa;
  let requests = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests++;
    void body(request).then((der) => {
      if (options.fail === 'hang') return;
      if (options.fail === 'http-500') {
        response.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
        return;
      }
      if (options.fail === 'oversize') {
        // Chunked, without a Content-Length: the client has to count what it reads.
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' });
        for (let i = 0; i < 40; i++) response.write(Buffer.alloc(64 * 1024, 0x30));
        response.end();
        return;
      }
      if (options.fail === 'garbage') {
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from('<html>captive portal</html>'));
        return;
      }
      const timestampReply = reply(pkijs.TimeStampReq.fromBER(der), identity, requests, options);
      response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(timestampReply.toSchema().toBER()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
