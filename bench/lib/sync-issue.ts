import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { approveIssuance, submitIssuance } from '../../src/main/issuance/approve.ts';
import { createIssuance } from '../../src/main/issuance/create-issuance.ts';
import { distributeIssuance } from '../../src/main/issuance/distribute-step.ts';
import { issueIssuance } from '../../src/main/issuance/issue-step.ts';
import { numberIssuance } from '../../src/main/issuance/number-step.ts';
import { registerIssuance } from '../../src/main/issuance/register-step.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { saveSigningSettings, signingSettingsOf } from '../../src/main/signing/signing-settings.ts';
import type { IssuanceRecord } from '../../src/shared/api/schemas/issuance.ts';
import { ROOT } from '../../test/support/cli.ts';
import { draftPdf } from '../../test/support/draft-pdf.ts';
import { softwareToken } from '../../test/support/issued-document.ts';
import type { TestPki } from '../../test/support/test-pki.ts';

const IMAGE_WIDTH = 1024;

// A Decree 30 draft (test/support/draft-pdf.ts) with, on its last page, an uncompressed RGB image
// of random bytes of about `padBytes`: a scan nothing can compress, so the package is as big on
// the wire as its files are.
export async function paddedDraft(path: string, padBytes: number, options: { pages?: number; place?: string } = {}): Promise<Buffer> {
  await draftPdf(path, options);
  const doc = await PDFDocument.load(readFileSync(path));
  rmSync(path, { force: true });
  if (padBytes > 0) {
    const height = Math.max(1, Math.round(padBytes / (IMAGE_WIDTH * 3)));
    const image = doc.context.register(
      doc.context.stream(randomBytes(IMAGE_WIDTH * 3 * height), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: IMAGE_WIDTH,
        Height: height,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      }),
    );
    const page = doc.getPages().at(-1);
    if (!page) throw new Error('draft without pages');
    const name = page.node.newXObject('Scan', image);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(200, 0, 0, 120, 90, 380), drawObject(name), popGraphicsState());
  }
  return Buffer.from(await doc.save());
}

const image = (name: string): string => readFileSync(join(ROOT, 'resources', 'signing', name)).toString('base64');

export interface PaddedDocument {
  readonly mainPadBytes: number;
  readonly attachmentPadBytes: number;
  readonly recipient: { readonly name: string; readonly organId: string };
}

// One document through the real issuance workflow (draft → submitted → approved by the leader →
// numbered → issued with the agency's signature on the main file and the attachment → registered
// → distributed to one electronic recipient), its main file and attachment padded as asked.
export async function issuePadded(p: Profile, pki: TestPki, scratch: string, doc: PaddedDocument): Promise<IssuanceRecord> {
  if (!signingSettingsOf(p).sealImage) {
    saveSigningSettings(p, { signatureImageBase64: image('signature-placeholder.png'), sealImageBase64: image('seal-placeholder.png') });
  }
  const main = await paddedDraft(join(scratch, 'draft.pdf'), doc.mainPadBytes, { place: 'Xã Hòa Tiến,' });
  const attachment = await paddedDraft(join(scratch, 'phu-luc.pdf'), doc.attachmentPadBytes, { pages: 2 });
  const draft = createIssuance(p, {
    documentType: 'Quyết định',
    subject: 'Về việc thử tốc độ đồng bộ',
    unitAbbreviation: null,
    signerName: 'Nguyễn Văn An',
    signerPosition: 'Chủ tịch',
    signerCompetence: 'TM. Ủy ban nhân dân',
    priority: 'thuong',
    secrecy: 'none',
    recipients: [doc.recipient],
    archive: 'VT, VP',
    copies: null,
    notes: null,
    placeholders: null,
    main: { name: 'quyet-dinh.pdf', data: main },
    attachments: [{ name: 'phu-luc.pdf', data: attachment }],
  });
  submitIssuance(p, draft.id);
  await approveIssuance(p, draft.id, softwareToken(pki.leader, [pki.root]));
  await numberIssuance(p, draft.id);
  await issueIssuance(p, draft.id, softwareToken(pki.agency, [pki.root]));
  await registerIssuance(p, draft.id);
  return distributeIssuance(p, draft.id);
}

