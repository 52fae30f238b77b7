import { writeTransaction } from '../../src/main/db/connection.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { getAgencyProfile } from '../../src/main/registry/agency-repo.ts';
import { today } from '../../src/main/registry/clock.ts';
import { insertDocument, type NewDocument } from '../../src/main/registry/document-writer.ts';
import { registerIdFor, seriesForIncoming, seriesForOutgoingType } from '../../src/main/registry/series-repo.ts';
import { duplicateKey } from '../../src/shared/domain/duplicates.ts';
import { formatDocumentNumber } from '../../src/shared/domain/notation.ts';
import type { ProcessingStatus } from '../../src/shared/domain/processing.ts';
import { addDays, daysFrom } from './calendar.ts';
import { incomingText, outgoingText } from './corpus.ts';
import type { Random } from './random.ts';
import { optimizeSearchIndex } from '../../src/main/registry/search-index.ts';

export const SEED_YEARS = 10;
const BATCH = 5_000;
const INCOMING_SHARE = 0.7;

// Ten years of registers, day by day up to today: ~70% incoming, ~30% outgoing. Rows go through
// the app's own insertDocument (so the search index is written exactly as the app writes it) and
// each gets its audit entry, as a registration would; only the transactions are big, for speed.
export function seedDocuments(profile: Profile, count: number, r: Random, progress: (done: number) => void): void {
  const todayIso = today(profile.clock);
  const days = daysFrom(Number(todayIso.slice(0, 4)) - SEED_YEARS + 1, todayIso);
  const agencyName = getAgencyProfile(profile)?.name ?? '';
  const registers = new Map<string, number>();
  const lastNumber = new Map<number, number>();
  const registerOf = (seriesId: number, year: number): number => {
    const key = `${seriesId}:${year}`;
    let id = registers.get(key);
    if (id === undefined) {
      id = registerIdFor(profile, seriesId, year);
      registers.set(key, id);
    }
    return id;
  };
  const incomingSeries = seriesForIncoming(profile).id;
  const outgoingSeries = new Map<string, number>();
  const seriesOf = (type: string): number => {
    let id = outgoingSeries.get(type);
    if (id === undefined) {
      id = seriesForOutgoingType(profile, type).id;
      outgoingSeries.set(type, id);
    }
    return id;
  };

  for (let start = 0; start < count; start += BATCH) {
    writeTransaction(profile.db, () => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const dayIndex = Math.floor((i * days.length) / count);
        const day = days[dayIndex] as string;
        const year = Number(day.slice(0, 4));
        const incoming = r.chance(INCOMING_SHARE);
        const doc = incoming ? incomingDocument(r, day, todayIso) : outgoingDocument(r, day, agencyName);
        const seriesId = incoming ? incomingSeries : seriesOf(doc.documentType);
        const registerId = registerOf(seriesId, year);
        const number = (lastNumber.get(registerId) ?? 0) + 1;
        lastNumber.set(registerId, number);
        const full: NewDocument = {
          ...doc,
          registerId,
          year,
          number,
          codeNumber: doc.codeNumber ?? formatDocumentNumber(number),
        };
        const id = insertDocument(profile, full);
        profile.audit.append({
          action: `${full.direction}.register`,
          entityType: 'document',
          entityId: id,
          details: {
            year,
            number,
            codeNumber: full.codeNumber,
            codeNotation: full.codeNotation,
            issuingAgency: full.issuingAgency,
            subject: full.subject,
            files: [],
          },
        });
      }
    });
    progress(Math.min(count, start + BATCH));
  }
  // What the app does after a bulk import (import-register.ts): one merge of the search index.
  optimizeSearchIndex(profile.db);
}

type SeedDocument = Omit<NewDocument, 'registerId' | 'year' | 'number' | 'codeNumber'> & { codeNumber: string | null };

function processingFor(r: Random, day: string, todayIso: string): ProcessingStatus {
  if (day < addDays(todayIso, -60)) return r.chance(0.999) ? 'done' : 'in_progress';
  return r.weighted<ProcessingStatus>([
    ['pending', 3],
    ['assigned', 2],
    ['in_progress', 3],
    ['done', 4],
  ]);
}

function voided(r: Random): Pick<NewDocument, 'status' | 'voidReason'> {
  return r.chance(0.003) ? { status: 'void', voidReason: 'Vào sổ nhầm, đã vào sổ lại' } : { status: 'active', voidReason: null };
}

function incomingDocument(r: Random, day: string, todayIso: string): SeedDocument {
  const t = incomingText(r, Number(day.slice(0, 4)));
  return {
    ...t,
    direction: 'incoming',
    registerDate: day,
    arrivalAt: `${day}T${String(r.int(7, 16)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00+07:00`,
    documentDate: addDays(day, -r.int(0, 7)),
    signerCompetence: null,
    recipientsText: null,
    recipientUnit: r.chance(0.6) ? 'Văn phòng HĐND và UBND' : null,
    copies: null,
    pageCount: r.int(1, 20),
    transferDate: r.chance(0.8) ? day : null,
    receivedBy: r.chance(0.5) ? 'Văn phòng' : null,
    dueDate: r.chance(0.3) ? addDays(day, r.int(5, 30)) : null,
    documentIdentifier: null,
    duplicateKey: duplicateKey(t.issuingAgency, t.codeNumber, t.codeNotation),
    ...voided(r),
    processingStatus: processingFor(r, day, todayIso),
  };
}

function outgoingDocument(r: Random, day: string, agencyName: string): SeedDocument {
  const { notation, ...t } = outgoingText(r, Number(day.slice(0, 4)), agencyName);
  return {
    ...t,
    codeNumber: null,
    codeNotation: notation,
    direction: 'outgoing',
    registerDate: day,
    arrivalAt: null,
    documentDate: day,
    signerCompetence: r.chance(0.3) ? 'TM. ỦY BAN NHÂN DÂN' : null,
    recipientsText: 'Như trên; Lưu: VT, VP.',
    recipientUnit: null,
    copies: r.int(2, 10),
    pageCount: r.int(1, 12),
    transferDate: day,
    receivedBy: null,
    dueDate: null,
    documentIdentifier: null,
    duplicateKey: null,
    ...voided(r),
    processingStatus: null,
  };
}
