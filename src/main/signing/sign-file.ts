import { AppError, isAppError } from '../../shared/errors.ts';
import { attachmentLine, copyLine, kindUsesImage, type SignatureKind } from '../../shared/domain/signature-kinds.ts';
import { loadTextMetrics, textWidth } from '../pdf/embedded-font.ts';
import { readPageSizes } from '../pdf/page-sizes.ts';
import { addDss } from '../pdf/dss.ts';
import { signPdf, type Rect, type SignatureAppearance } from '../pdf/sign-pdf.ts';
import { buildPadesCms } from './cms/build-cms.ts';
import { placeSignature, type Placement } from './placement/place-signature.ts';
import type { RawSigner } from './raw-signer.ts';
import { revocationDataFor } from './revocation-data.ts';
import { requestTimestamp } from './timestamp/tsa-client.ts';

// One signature of one PDF, of the kind the clerk chose (signing.md "The workflow"): the
// appearance Decree 30 prescribes for that kind, placed where the clerk put it or where the
// placement rules find it, a PAdES CMS from the token's key, and a timestamp when a timestamp
// server is configured and answers.
export const LINE_SIZE = 10;

export interface SignFileRequest {
  readonly input: string;
  readonly output: string;
  readonly kind: SignatureKind;
  readonly signer: RawSigner;
  readonly signingTime: Date;
  // The blue signature (approval) or the red seal (agency), PNG with transparency.
  readonly image?: Uint8Array | null;
  // For the attachment line: the main document's "số, ký hiệu".
  readonly numberNotation?: string | null;
  // For the certified copy line: the copying agency, and the form of copy (SAO Y when absent).
  readonly copyingAgency?: string | null;
  readonly copyLabel?: 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO' | null;
  readonly placement?: { readonly page: number; readonly rect: Rect } | null;
  readonly anchor?: string | null;
  readonly anchorOptional?: boolean;
  readonly sealMm?: number;
  readonly tsaUrl?: string | null;
  // Revocation lists at hand (the CAs' .crl files): those of the signer's chain go into a DSS.
  readonly crls?: readonly Uint8Array[];
  readonly reason?: string;
  // The program's fonts folder (program/resources.ts); the source tree's when absent.
  readonly fontsDir?: string;
}

export interface SignFileResult {
  readonly output: string;
  readonly fieldName: string;
  readonly kind: SignatureKind;
  readonly level: 'B-B' | 'B-T' | 'B-LT';
  readonly timestampTime: string | null;
  // The chain and revocation lists were embedded (a DSS update after the signature).
  readonly revocationEmbedded: boolean;
  // Why the signature has no timestamp, in Vietnamese, when a server was configured.
  readonly timestampProblem: string | null;
  readonly placement: Placement;
  readonly line: string | null;
  readonly bytes: number;
}

const REASONS: Readonly<Record<SignatureKind, string>> = {
  approval: 'Ký duyệt',
  agency: 'Ký phát hành',
  attachment: 'Ký tệp đính kèm',
  copy: 'Ký sao y',
};

function lineFor(request: Pick<SignFileRequest, 'kind' | 'numberNotation' | 'copyingAgency' | 'copyLabel' | 'signingTime'>): string | null {
  if (request.kind === 'attachment') {
    const number = request.numberNotation?.trim();
    if (!number) throw new AppError('INVALID_INPUT', 'Ký tệp đính kèm cần số, ký hiệu của văn bản chính.', 'attachment signature without numberNotation');
    return attachmentLine(number, request.signingTime);
  }
  if (request.kind === 'copy') {
    const agency = request.copyingAgency?.trim();
    if (!agency) throw new AppError('INVALID_INPUT', 'Ký sao y cần tên cơ quan sao.', 'copy signature without copyingAgency');
    return copyLine(agency, request.signingTime, request.copyLabel ?? 'SAO Y');
  }
  return null;
}

// What the first signature of a session would otherwise pay on its own (parsing the appearance
// font, ~70 ms): callers start it while the token logs in, which takes longer anyway.
export async function prepareSigning(fontsDir?: string): Promise<void> {
  await loadTextMetrics('regular', fontsDir);
}

export interface SignaturePlan {
  readonly placement: Placement;
  readonly line: string | null;
  readonly pages: readonly { readonly width: number; readonly height: number }[];
}

// Where the signature of this kind goes and what text it carries: what the preview shows before
// the clerk moves it, and what signFile uses when the clerk does not.
export async function planSignature(request: Omit<SignFileRequest, 'output' | 'signer' | 'image' | 'tsaUrl' | 'reason'>): Promise<SignaturePlan> {
  const line = lineFor(request);
  const pages = await readPageSizes(request.input);
  const placement = await placeSignature({
    path: request.input,
    kind: request.kind,
    pages,
    explicit: request.placement ?? null,
    anchor: request.anchor ?? null,
    anchorOptional: request.anchorOptional ?? false,
    line: line ? { width: await textWidth(line, LINE_SIZE, request.fontsDir), size: LINE_SIZE } : null,
    sealMm: request.sealMm,
  });
  return { placement, line, pages };
}

// B-LT: the chain and the CRLs that cover it, appended after the signature. The signature is
// already durable by then; if this second update cannot be written the signature stands without
// it, as a B-B/B-T one.
async function embedRevocation(request: SignFileRequest, output: string): Promise<boolean> {
  const data = request.crls ? revocationDataFor(request.signer, request.crls, request.signingTime) : null;
  if (!data) return false;
  try {
    return (await addDss({ input: output, output, data })).added > 0;
  } catch (e) {
    if (isAppError(e)) return false;
    throw e;
  }
}

export async function signFile(request: SignFileRequest): Promise<SignFileResult> {
  if (kindUsesImage(request.kind) && !request.image) {
    throw new AppError(
      'INVALID_INPUT',
      request.kind === 'approval' ? 'Chưa có ảnh chữ ký của người ký (PNG nền trong suốt).' : 'Chưa có ảnh con dấu của cơ quan (PNG nền trong suốt).',
      `${request.kind} signature without an image`,
    );
  }
  const { placement, line } = await planSignature(request);
  const appearance: SignatureAppearance = {
    page: placement.page,
    rect: placement.rect,
    ...(request.image && kindUsesImage(request.kind) ? { image: { png: request.image } } : {}),
    ...(line ? { lines: [{ text: line, size: LINE_SIZE }] } : {}),
  };
  let timestampProblem: string | null = null;
  let timestampTime: string | null = null;
  const tsaUrl = request.tsaUrl?.trim() || null;
  const timestamp = tsaUrl
    ? async (signatureValue: Uint8Array): Promise<Uint8Array | null> => {
        try {
          const answer = await requestTimestamp(tsaUrl, signatureValue);
          timestampTime = answer.genTime.toISOString();
          return answer.token;
        } catch (e) {
          // The closed network often has no timestamp server: the signature is still made (B-B),
          // and the clerk is told why it carries only the computer's time.
          timestampProblem = isAppError(e) ? e.messageVi : 'Không lấy được dấu thời gian.';
          return null;
        }
      }
    : undefined;
  const signed = await signPdf({
    input: request.input,
    output: request.output,
    appearance,
    signingTime: request.signingTime,
    reason: request.reason ?? (request.kind === 'copy' && request.copyLabel ? `Ký ${request.copyLabel.toLocaleLowerCase('vi')}` : REASONS[request.kind]),
    sign: (digest) => buildPadesCms(request.signer, digest, timestamp ? { timestamp } : {}),
    ...(request.fontsDir ? { fontsDir: request.fontsDir } : {}),
  });
  const revocationEmbedded = await embedRevocation(request, signed.output);
  return {
    output: signed.output,
    fieldName: signed.fieldName,
    kind: request.kind,
    level: timestampTime ? (revocationEmbedded ? 'B-LT' : 'B-T') : 'B-B',
    revocationEmbedded,
    timestampTime,
    timestampProblem,
    placement,
    line,
    bytes: signed.bytes,
  };
}
