import type { DraftPlaceholders, IssuanceFromDraftData, IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import type { Draft } from '../../shared/api/schemas/draft.ts';
import { typeName } from '../../shared/domain/document-types.ts';
import { AppError } from '../../shared/errors.ts';
import { renderDraft, type RenderedDraft } from '../drafting/render-draft.ts';
import type { Profile } from '../profile/open-profile.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { signingSettingsOf } from '../signing/signing-settings.ts';
import { createIssuance } from './create-issuance.ts';

// A draft written in the app becomes an issuance like an imported PDF does, with two things an
// import lacks: the placeholders the renderer recorded (where the number, date, signature and
// seal go) and the draft JSON kept with it.
export async function renderForProfile(p: Profile, draft: Draft, fontsDir?: string): Promise<RenderedDraft> {
  const agency = getAgencyProfile(p);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan: hãy vào Cài đặt trước khi soạn văn bản.', 'no agency profile');
  return renderDraft(draft, agency, { sealMm: signingSettingsOf(p).sealMm, ...(fontsDir ? { fontsDir } : {}) });
}

type Rect = [number, number, number, number];

// The renderer's read-only slots as the plain data the API and the database carry.
export function placeholdersOf(rendered: RenderedDraft): DraftPlaceholders {
  const { number, date, signature, seal } = rendered.placeholders;
  return {
    number: { ...number, rect: [...number.rect] as Rect },
    date: { ...date, rect: [...date.rect] as Rect },
    signature: { ...signature, rect: [...signature.rect] as Rect },
    seal: { ...seal, rect: [...seal.rect] as Rect },
  };
}

function competenceLine(signer: Draft['signer']): string | null {
  if (!signer.competence) return null;
  return `${signer.competence}. ${signer.authority ?? ''}`.trim();
}

export async function createIssuanceFromDraft(p: Profile, input: IssuanceFromDraftData, fontsDir?: string): Promise<IssuanceRecord> {
  const { draft } = input;
  const rendered = await renderForProfile(p, draft, fontsDir);
  return createIssuance(p, {
    documentType: draft.documentType,
    subject: draft.subject ?? typeName(draft.documentType),
    unitAbbreviation: draft.unitAbbreviation,
    signerName: draft.signer.fullName,
    signerPosition: draft.signer.position ?? null,
    signerCompetence: competenceLine(draft.signer),
    priority: draft.priority,
    secrecy: draft.secrecy ?? 'none',
    recipients: input.recipients,
    archive: input.archive,
    copies: input.copies ?? draft.copies ?? null,
    notes: input.notes,
    main: { name: `${draft.documentType}-du-thao.pdf`, data: rendered.pdf },
    attachments: input.attachments.map((a) => ({ name: a.name, data: Buffer.from(a.dataBase64, 'base64') })),
    placeholders: placeholdersOf(rendered),
    render: { draftJson: draft },
  });
}
