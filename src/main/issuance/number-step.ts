import { rmSync } from 'node:fs';
import { outgoingInput } from '../../shared/api/schemas/documents.ts';
import type { IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import { AppError } from '../../shared/errors.ts';
import type { Profile } from '../profile/open-profile.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import { revisionName } from '../registry/file-revisions.ts';
import { previewOutgoingNumber, registerOutgoing } from '../registry/outgoing.ts';
import type { StoredBlob } from '../files/blob-store.ts';
import { fillNumberAndDate, type FillNumberRequest } from '../signing/fill-number.ts';
import { addIssuanceFile, commitStep, linkDocumentFile } from './commit-step.ts';
import { getIssuance, type Issuance, issuanceFiles, issuanceRecord, mainFileAt } from './issuance-repo.ts';
import { requireNext } from './states.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

// Another registration took the number this PDF was filled with, between the fill and the
// commit: the commit is rolled back and the step starts over with the next number.
class NumberTaken extends Error {}

const ATTEMPTS = 3;

async function fillAndStore(p: Profile, request: Omit<FillNumberRequest, 'output'>): Promise<StoredBlob> {
  const output = p.blobs.scratchPath('number');
  try {
    await fillNumberAndDate({ ...request, output });
    return p.blobs.adoptFile(output);
  } finally {
    rmSync(output, { force: true });
  }
}

function outgoingData(issuance: Issuance, date: string) {
  const data = outgoingInput.parse({
    documentType: issuance.documentType,
    subject: issuance.subject,
    documentDate: date,
    unitAbbreviation: issuance.unitAbbreviation,
    signerName: issuance.signerName,
    signerPosition: issuance.signerPosition,
    signerCompetence: issuance.signerCompetence,
    priority: issuance.priority,
  });
  return { ...data, secret: issuance.secrecy !== 'none' };
}

// Cấp số. The number and date are filled into the approved PDF first (an incremental update the
// approval signature permits), and the filled PDF is made durable in the store; only then does
// one transaction create the outgoing register row — which takes the number — link the files
// and move the state. A crash before that commit leaves the document approved with no number
// used (the filled PDF is then an unreferenced stored file); after it, numbered.
// The PDF is filled with the number the register would give now; the transaction checks that
// it still does (the app and the CLI may number at the same time) and otherwise starts over.
// `fontsDir`: the program's fonts, which the packaged app passes (program/resources.ts).
export async function numberIssuance(p: Profile, id: number, fontsDir?: string): Promise<IssuanceRecord> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const issuance = getIssuance(p, id);
    requireNext(id, issuance.state, 'numbered');
    const approved = mainFileAt(p, id, 'approved');
    const input = p.blobs.pathOfIntact(approved);
    const date = today(p.clock);
    const next = previewOutgoingNumber(p, {
      documentType: issuance.documentType,
      documentDate: date,
      unitAbbreviation: issuance.unitAbbreviation,
      secret: issuance.secrecy !== 'none',
    });
    const assigned = numberNotation(next);
    const place = getAgencyProfile(p)?.placeName ?? '';
    const slots = issuance.placeholders;
    const filled = await fillAndStore(p, {
      input,
      numberNotation: assigned,
      date,
      place,
      numberAt: slots?.number ? { page: slots.number.page, x: slots.number.rect[0], y: slots.number.baseline } : null,
      dateAt: slots?.date ? { page: slots.date.page, x: slots.date.rect[0], y: slots.date.baseline } : null,
      dateAnchor: slots?.date ? null : `${place},`,
      ...(slots?.number ? { size: slots.number.size } : {}),
      ...(fontsDir ? { fontsDir } : {}),
    });
    try {
      commitStep(p, id, 'numbered', (current, at) => {
        const doc = registerOutgoing(p, outgoingData(current, date));
        if (doc.codeNumber !== next.codeNumber || doc.codeNotation !== next.codeNotation || doc.documentDate !== date) throw new NumberTaken();
        const files = issuanceFiles(p, id);
        const draft = mainFileAt(p, id, 'draft');
        const name = revisionName(draft.name, 'number');
        addIssuanceFile(p, { issuanceId: id, blob: filled, name, role: 'main', step: 'numbered', revisionOf: approved.id, at });
        linkDocumentFile(p, { documentId: doc.id, sha256: draft.sha256, name: draft.name, revisionOf: null, kind: null, at });
        linkDocumentFile(p, { documentId: doc.id, sha256: approved.sha256, name: approved.name, revisionOf: draft.sha256, kind: 'approval', at });
        linkDocumentFile(p, { documentId: doc.id, sha256: filled.sha256, name, revisionOf: approved.sha256, kind: 'number', at });
        for (const a of files.filter((f) => f.role === 'attachment')) linkDocumentFile(p, { documentId: doc.id, sha256: a.sha256, name: a.name, revisionOf: null, kind: null, at });
        return { documentId: doc.id, details: { documentId: doc.id, number: doc.number, codeNumber: doc.codeNumber, codeNotation: doc.codeNotation, documentDate: date, sha256: filled.sha256 } };
      });
      return issuanceRecord(p, id);
    } catch (e) {
      if (!(e instanceof NumberTaken)) throw e;
    }
  }
  throw new AppError('CONFLICT', 'Số văn bản liên tục bị văn bản khác lấy trước: hãy cấp số lại.', `numbering issuance ${id} lost the race ${ATTEMPTS} times`);
}
