import { rmSync } from 'node:fs';
import { kindUsesImage, type SignatureKind } from '../../shared/domain/signature-kinds.ts';
import { AppError } from '../../shared/errors.ts';
import type { Rect } from '../pdf/sign-pdf.ts';
import type { ProgramResources } from '../program/resources.ts';
import type { RegistryContext } from '../registry/context.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import type { TokenClient } from './pkcs11/token-client.ts';
import { prepareSigning, type SignFileResult, signFile } from './sign-file.ts';
import { signingSettingsOf } from './signing-settings.ts';
import { profileCrls } from './trust/profile-trust.ts';

// Which token, which certificate, and the PIN for one login (never stored or logged).
export interface TokenAccess {
  readonly client: TokenClient;
  readonly modulePath: string;
  readonly tokenSerial: string;
  readonly certificateId: string;
  readonly pin: string | null;
}

// One file to sign; the rest (images, seal size, timestamp server, revocation lists, fonts, the
// copying agency) comes from the profile's settings.
export interface SignJob {
  readonly input: string;
  readonly output: string;
  readonly kind: SignatureKind;
  readonly placement?: { readonly page: number; readonly rect: Rect } | null;
  // The signer's name on the page: the approval image goes above it when the page has it.
  readonly anchor?: string | null;
  readonly numberNotation?: string | null;
  // The form of an electronic copy (SAO Y, SAO LỤC, TRÍCH SAO) and the signature's reason.
  readonly copyLabel?: 'SAO Y' | 'SAO LỤC' | 'TRÍCH SAO' | null;
  readonly reason?: string;
}

export interface TokenSigner {
  sign(job: SignJob): Promise<SignFileResult>;
  // The serial number of the certificate that signs, for the file's history.
  readonly certificateSerial: string | null;
}

// The blue signature or the red seal the settings hold for a kind that shows an image.
export function signatureImage(ctx: RegistryContext, kind: SignatureKind): Uint8Array | null {
  if (!kindUsesImage(kind)) return null;
  const settings = signingSettingsOf(ctx);
  const sha = kind === 'approval' ? settings.signatureImage : settings.sealImage;
  if (!sha || !ctx.blobs.has(sha)) {
    throw new AppError(
      'INVALID_INPUT',
      kind === 'approval' ? 'Chưa có ảnh chữ ký của người ký: hãy chọn ảnh trong Cài đặt ký số.' : 'Chưa có ảnh con dấu của cơ quan: hãy chọn ảnh trong Cài đặt ký số.',
      `no ${kind} image in the signing settings`,
    );
  }
  return ctx.blobs.read(sha);
}

// One login for the signatures of one request. Everything that can be refused (a missing image)
// is refused before the PIN is used; the token session is closed whatever happens, and an output
// of a signature that failed is removed.
export async function withTokenSigner<T>(
  ctx: RegistryContext,
  access: TokenAccess,
  resources: ProgramResources,
  kinds: readonly SignatureKind[],
  use: (signer: TokenSigner) => Promise<T>,
): Promise<T> {
  const images = new Map(kinds.map((kind) => [kind, signatureImage(ctx, kind)]));
  const settings = signingSettingsOf(ctx);
  const copyingAgency = getAgencyProfile(ctx)?.name ?? '';
  const crls = profileCrls(ctx);
  const [session] = await Promise.all([
    access.client.openSession({ modulePath: access.modulePath, tokenSerial: access.tokenSerial, pin: access.pin }),
    prepareSigning(resources.fonts),
  ]);
  try {
    const raw = session.signer(access.certificateId);
    return await use({
      certificateSerial: session.certificates.find((c) => c.id === access.certificateId)?.serialNumber ?? null,
      async sign(job) {
        try {
          return await signFile({
            input: job.input,
            output: job.output,
            kind: job.kind,
            signer: raw,
            signingTime: ctx.clock.now(),
            image: images.get(job.kind) ?? null,
            numberNotation: job.numberNotation ?? null,
            copyingAgency,
            copyLabel: job.copyLabel ?? null,
            ...(job.reason ? { reason: job.reason } : {}),
            placement: job.placement ?? null,
            anchor: job.anchor ?? null,
            anchorOptional: true,
            sealMm: settings.sealMm,
            tsaUrl: settings.tsaUrl,
            crls,
            fontsDir: resources.fonts,
          });
        } catch (e) {
          rmSync(job.output, { force: true });
          throw e;
        }
      },
    });
  } finally {
    await session.close().catch(() => undefined);
  }
}
