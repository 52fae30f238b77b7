import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { approveIssuance, submitIssuance } from '../../src/main/issuance/approve.ts';
import { createIssuance, type NewIssuance } from '../../src/main/issuance/create-issuance.ts';
import { distributeIssuance } from '../../src/main/issuance/distribute-step.ts';
import { issuanceSettingsOf, saveIssuanceSettings } from '../../src/main/issuance/issuance-settings.ts';
import { issueIssuance } from '../../src/main/issuance/issue-step.ts';
import { numberIssuance } from '../../src/main/issuance/number-step.ts';
import { registerIssuance } from '../../src/main/issuance/register-step.ts';
import type { StepSigning } from '../../src/main/issuance/token-signing.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { programResources } from '../../src/main/program/resources.ts';
import { listSeries, saveSeries } from '../../src/main/registry/series-repo.ts';
import type { TokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import { saveSigningSettings, signingSettingsOf } from '../../src/main/signing/signing-settings.ts';
import type { IssuanceRecord } from '../../src/shared/api/schemas/issuance.ts';
import { seriesInput } from '../../src/shared/api/schemas/series.ts';
import { ROOT } from './cli.ts';
import { draftPdf } from './draft-pdf.ts';
import { softwareSigner } from './software-signer.ts';
import type { TestIdentity, TestPki } from './test-pki.ts';

// A TokenClient whose one "token" holds a software key: the issuance steps run unchanged (the
// real PDF signing, CMS and storage code), only the key lives in memory instead of SoftHSM, which
// makes an issued document cost a fraction of a second instead of a token start-up.
export function softwareToken(identity: TestIdentity, chain: readonly TestIdentity[]): StepSigning {
  const client: TokenClient = {
    listModules: async () => [],
    listTokens: async () => [],
    openSession: async (request) => ({
      tokenSerial: request.tokenSerial,
      certificates: [],
      signer: () => softwareSigner(identity, chain),
      close: async () => undefined,
    }),
    close: async () => undefined,
  };
  return { access: { client, modulePath: 'software', tokenSerial: identity.subject, certificateId: '01', pin: null }, resources: programResources() };
}

const image = (name: string): string => readFileSync(join(ROOT, 'resources', 'signing', name)).toString('base64');

export type IssueUntil = 'approved' | 'numbered' | 'issued' | 'registered' | 'distributed';

// A document carried through the real issuance workflow on an open profile: draft (main PDF and
// one attachment PDF) → submitted → approved (leader) → numbered → issued (agency) → registered →
// distributed, stopping at `until`.
export async function issueDocument(
  p: Profile,
  pki: TestPki,
  scratch: string,
  fields: Partial<Omit<NewIssuance, 'main' | 'attachments'>> = {},
  until: IssueUntil = 'distributed',
): Promise<IssuanceRecord> {
  if (!signingSettingsOf(p).sealImage) {
    saveSigningSettings(p, { signatureImageBase64: image('signature-placeholder.png'), sealImageBase64: image('seal-placeholder.png') });
  }
  // A secret document needs the machine cleared for it and its own series (nd30-rules §2, §6).
  if (fields.secrecy && fields.secrecy !== 'none') {
    if (!issuanceSettingsOf(p).allowSecretDrafts) saveIssuanceSettings(p, { allowSecretDrafts: true });
    if (!listSeries(p).some((s) => s.secret)) saveSeries(p, seriesInput.parse({ name: 'Sổ văn bản mật đi', direction: 'outgoing', secret: true }));
  }
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const main = await draftPdf(join(scratch, `draft-${tag}.pdf`), { place: 'Xã Hòa Tiến,' });
  const attachment = await draftPdf(join(scratch, `phu-luc-${tag}.pdf`), { pages: 2 });
  const draft = createIssuance(p, {
    documentType: 'Quyết định',
    subject: 'Về việc thử gói tin liên thông',
    unitAbbreviation: null,
    signerName: 'Nguyễn Văn An',
    signerPosition: 'Chủ tịch',
    signerCompetence: 'TM. Ủy ban nhân dân',
    priority: 'thuong',
    secrecy: 'none',
    recipients: [
      { name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' },
      { name: 'Ủy ban nhân dân xã Hòa Phong', organId: '000.47.24.H17' },
      { name: 'Hộ ông Trần Văn Bình', organId: null },
    ],
    archive: 'VT, VP',
    copies: null,
    notes: null,
    placeholders: null,
    ...fields,
    main: { name: 'quyet-dinh.pdf', data: readFileSync(main) },
    attachments: [{ name: 'phu-luc.pdf', data: readFileSync(attachment) }],
  });
  const id = draft.id;
  submitIssuance(p, id);
  let record = await approveIssuance(p, id, softwareToken(pki.leader, [pki.root]));
  if (until === 'approved') return record;
  record = await numberIssuance(p, id);
  if (until === 'numbered') return record;
  record = await issueIssuance(p, id, softwareToken(pki.agency, [pki.root]));
  if (until === 'issued') return record;
  record = await registerIssuance(p, id);
  if (until === 'registered') return record;
  return distributeIssuance(p, id);
}
