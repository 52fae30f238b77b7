import { asPdfFiles } from '../drafting/office-to-pdf.ts';
import { createIssuance, type DraftFile } from '../issuance/create-issuance.ts';
import { approveIssuance, submitIssuance } from '../issuance/approve.ts';
import { createIssuanceFromDraft, placeholdersOf, renderForProfile } from '../issuance/create-from-draft.ts';
import { distributeIssuance } from '../issuance/distribute-step.ts';
import { issuanceFile, issuanceRecord, listIssuances } from '../issuance/issuance-repo.ts';
import { verifyWithProfileTrust } from '../signing/trust/profile-trust.ts';
import { issuanceSettingsOf, saveIssuanceSettings } from '../issuance/issuance-settings.ts';
import { issueIssuance } from '../issuance/issue-step.ts';
import { numberIssuance } from '../issuance/number-step.ts';
import { registerIssuance } from '../issuance/register-step.ts';
import type { StepSigning } from '../issuance/token-signing.ts';
import { voidIssuance } from '../issuance/void-issuance.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

function upload(file: { name: string; dataBase64: string }): DraftFile {
  return { name: file.name, data: Buffer.from(file.dataBase64, 'base64') };
}

// The issuance workflow of the API contract (docs/issuance.md). The signing steps use the
// process's one token worker.
export function createIssuanceHandlers({ ready, tokens, resources }: Pick<HandlerDeps, 'ready' | 'tokens' | 'resources'>): HandlersOf<'issuance' | 'drafts'> {
  const access = (input: { modulePath: string; tokenSerial: string; certificateId: string; pin: string | null }): StepSigning => ({
    access: { client: tokens(), modulePath: input.modulePath, tokenSerial: input.tokenSerial, certificateId: input.certificateId, pin: input.pin },
    resources,
  });
  const fontsDir = resources.fonts;
  return {
    'issuance.settings': () => issuanceSettingsOf(ready()),
    'issuance.saveSettings': (input) => saveIssuanceSettings(ready(), input),
    'issuance.readFile': (input) => {
      const p = ready();
      const file = issuanceFile(p, input.id, input.sha256);
      return { name: file.name, size: file.size, dataBase64: p.blobs.readIntact(file).toString('base64') };
    },
    'issuance.verifyFile': (input) => {
      const p = ready();
      const file = issuanceFile(p, input.id, input.sha256);
      return verifyWithProfileTrust(p, p.blobs.pathOfIntact(file), file.name, resources.dir);
    },
    'issuance.create': async (input) => {
      // A draft from Word or LibreOffice is converted first (when LibreOffice is installed).
      const [main, ...attachments] = await asPdfFiles([upload(input.main), ...input.attachments.map(upload)]);
      return createIssuance(ready(), { ...input, main: main as DraftFile, attachments });
    },
    'issuance.createFromDraft': (input) => createIssuanceFromDraft(ready(), input, fontsDir),
    'drafts.preview': async (input) => {
      const rendered = await renderForProfile(ready(), input.draft, fontsDir);
      return { pdfBase64: Buffer.from(rendered.pdf).toString('base64'), pages: rendered.pages, placeholders: placeholdersOf(rendered) };
    },
    'issuance.correct': async ({ originalDocumentId, relation, ...input }) => {
      const [main, ...attachments] = await asPdfFiles([upload(input.main), ...input.attachments.map(upload)]);
      return createIssuance(ready(), { ...input, main: main as DraftFile, attachments, correction: { documentId: originalDocumentId, relation } });
    },
    'issuance.list': (input) => listIssuances(ready(), input),
    'issuance.get': (input) => issuanceRecord(ready(), input.id),
    'issuance.submit': (input) => submitIssuance(ready(), input.id),
    'issuance.approve': (input) => approveIssuance(ready(), input.id, access(input), input.placement ?? null),
    'issuance.number': (input) => numberIssuance(ready(), input.id, fontsDir),
    'issuance.issue': (input) => issueIssuance(ready(), input.id, access(input), input.placement ?? null),
    'issuance.register': (input) => registerIssuance(ready(), input.id),
    'issuance.distribute': (input) => distributeIssuance(ready(), input.id),
    'issuance.void': (input) => voidIssuance(ready(), input.id, input.reason),
  };
}
