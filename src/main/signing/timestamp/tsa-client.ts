import { createHash, randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/errors.ts';
import { OID } from '../cms/oids.ts';
import { checkSigner, digestOf, findSignerCertificate, parseSignedData } from '../verify/cms-signed-data.ts';

// RFC 3161 client: a signature timestamp over a signature value, for PAdES B-T. Every failure is
// a SIGNING_FAILED the caller answers by signing B-B and telling the clerk; the token itself is
// checked here (status, imprint, nonce, the TSA's signature) so a bad reply never enters a PDF.

export interface TimestampResult {
  // DER ContentInfo (SignedData over TSTInfo), as the TSA sent it.
  readonly token: Uint8Array;
  readonly genTime: Date;
  // Subject of the certificate that signed the token.
  readonly tsaName: string | null;
}

const DEFAULT_TIMEOUT_MS = 10_000;
// A reply is a status, a TSTInfo and a short chain: a few kilobytes. Anything near this is not one.
const MAX_REPLY_BYTES = 1024 * 1024;
const GRANTED = new Set([0, 1]);

class TsaFailure extends Error {
  readonly messageVi: string;
  constructor(messageVi: string, detail: string) {
    super(detail);
    this.messageVi = messageVi;
  }
}

function fail(messageVi: string, detail: string): never {
  throw new TsaFailure(messageVi, detail);
}

function timestampRequest(imprint: Uint8Array, nonce: Uint8Array): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}

// A positive INTEGER of 8 bytes whose first byte keeps the DER encoding minimal.
function randomNonce(): Uint8Array {
  const nonce = new Uint8Array(randomBytes(8));
  nonce[0] = (nonce[0]! & 0x7f) || 0x01;
  return nonce;
}

async function readBounded(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > MAX_REPLY_BYTES) fail('trả lời quá lớn', `reply of ${declared} bytes declared, limit ${MAX_REPLY_BYTES}`);
  if (!response.body) fail('trả lời rỗng', 'reply without a body');
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > MAX_REPLY_BYTES) fail('trả lời quá lớn', `reply exceeds ${MAX_REPLY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function statusText(status: pkijs.PKIStatusInfo): string {
  const strings = (status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
  const failInfo = status.failInfo ? ` failInfo bits ${Buffer.from(status.failInfo.valueBlock.valueHexView).toString('hex')}` : '';
  return `status ${status.status}${strings ? ` (${strings})` : ''}${failInfo}`;
}

function tokenBytes(reply: Uint8Array): { status: pkijs.PKIStatusInfo; token: Uint8Array | null } {
  const parsed = asn1js.fromBER(reply);
  if (parsed.offset !== reply.byteLength || !(parsed.result instanceof asn1js.Sequence)) fail('trả lời không đúng định dạng', 'the reply is not one DER TimeStampResp');
  const response = new pkijs.TimeStampResp({ schema: parsed.result });
  // The token's own bytes, not a re-encoding: it is signed data and goes into the PDF as sent.
  const token = (parsed.result as asn1js.Sequence).valueBlock.value[1];
  return { status: response.status, token: token ? new Uint8Array(token.valueBeforeDecodeView).slice() : null };
}

function checkToken(token: Uint8Array, imprint: Uint8Array, nonce: Uint8Array): TimestampResult {
  const parts = parseSignedData(token);
  if (parts.eContentType !== OID.tstInfo || !parts.eContent) fail('dấu thời gian không đúng định dạng', `token content type ${parts.eContentType} is not TSTInfo`);
  const info = pkijs.TSTInfo.fromBER(parts.eContent);
  const imprintOk =
    info.messageImprint.hashAlgorithm.algorithmId === OID.sha256 && Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(imprint);
  if (!imprintOk) fail('dấu thời gian không khớp với chữ ký', 'the TSTInfo message imprint is not the SHA-256 of the signature value');
  if (!info.nonce || !Buffer.from(info.nonce.valueBlock.valueHexView).equals(nonce)) fail('dấu thời gian không khớp với yêu cầu', 'the TSTInfo nonce differs from the request nonce');
  const signer = findSignerCertificate(parts);
  if (!signer) fail('dấu thời gian thiếu chứng thư của máy chủ', 'the token does not carry the TSA certificate although certReq was true');
  const expected = digestOf(parts.signerInfo.digestAlgorithm.algorithmId, parts.eContent);
  const check = expected ? checkSigner(parts, signer.certificate, expected) : { digestMatches: false, signatureValid: false, supported: false, problem: 'unsupported digest' };
  if (!check.digestMatches || !check.signatureValid) fail('chữ ký của máy chủ cấp dấu thời gian không hợp lệ', `token signature check: ${check.problem ?? 'failed'}`);
  return { token, genTime: info.genTime, tsaName: new x509.X509Certificate(signer.der).subject };
}

async function exchange(url: URL, body: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body,
      signal: controller.signal,
      redirect: 'error',
    });
    if (!response.ok) fail(`máy chủ trả lỗi HTTP ${response.status}`, `HTTP ${response.status} ${response.statusText}`);
    return await readBounded(response);
  } catch (e) {
    if (e instanceof TsaFailure) throw e;
    if (controller.signal.aborted) fail('máy chủ không trả lời trong thời gian cho phép', `no complete reply within ${timeoutMs} ms`);
    const cause = (e as Error & { cause?: Error }).cause;
    return fail('không kết nối được máy chủ', `${(e as Error).message}${cause ? `: ${cause.message}` : ''}`);
  } finally {
    clearTimeout(timer);
  }
}

export async function requestTimestamp(url: string, signatureValue: Uint8Array, options: { timeoutMs?: number } = {}): Promise<TimestampResult> {
  try {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return fail('địa chỉ máy chủ không hợp lệ', `not a URL: ${url}`);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') fail('địa chỉ máy chủ không hợp lệ', `unsupported scheme ${target.protocol}`);
    const imprint = new Uint8Array(createHash('sha256').update(signatureValue).digest());
    const nonce = randomNonce();
    const reply = await exchange(target, timestampRequest(imprint, nonce), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const { status, token } = tokenBytes(reply);
    if (!GRANTED.has(status.status)) fail('máy chủ từ chối cấp dấu thời gian', `TSA refused: ${statusText(status)}`);
    if (!token) fail('trả lời không có dấu thời gian', 'granted status without a timeStampToken');
    return checkToken(token, imprint, nonce);
  } catch (e) {
    const messageVi = e instanceof TsaFailure ? e.messageVi : 'trả lời không đúng định dạng';
    throw new AppError('SIGNING_FAILED', `Không lấy được dấu thời gian (${messageVi}).`, `Timestamp from ${url} failed: ${(e as Error).message}`, { url });
  }
}
