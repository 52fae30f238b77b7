import type { IncomingInput } from '../../src/shared/api/schemas/documents.ts';
import { typeName } from '../../src/shared/domain/document-types.ts';
import { buildNotation } from '../../src/shared/domain/notation.ts';
import type { Priority } from '../../src/shared/domain/priority.ts';
import type { Random } from './random.ts';
import {
  ACTIONS,
  AGENCIES,
  CENTRAL_NOTATIONS,
  DECISIONS,
  INCOMING_TYPES,
  NOTES,
  OUTGOING_TYPES,
  PLACES,
  POSITIONS,
  RARE_PHRASE,
  RARE_PROBABILITY,
  SIGNERS,
  TOPICS,
  UNITS,
} from './vocabulary.ts';

// The fields of one generated document that do not depend on its place in a register.
export interface GeneratedText {
  readonly documentType: string;
  readonly documentTypeName: string;
  readonly subject: string;
  readonly issuingAgency: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly signerName: string | null;
  readonly signerPosition: string | null;
  readonly notes: string | null;
  readonly priority: Priority;
}

const PRIORITY_MIX: ReadonlyArray<readonly [Priority, number]> = [
  ['thuong', 85],
  ['khan', 10],
  ['thuong-khan', 3],
  ['hoa-toc', 2],
];

function period(r: Random, year: number): string {
  return r.weighted<string>([
    [`tháng ${r.int(1, 12)} năm ${year}`, 5],
    [`quý ${r.pick(['I', 'II', 'III', 'IV'])} năm ${year}`, 2],
    [`6 tháng đầu năm ${year}`, 1],
    [`năm ${year}`, 3],
  ]);
}

function subjectFor(r: Random, type: string, year: number): string {
  const topic = r.pick(TOPICS);
  const place = r.pick(PLACES);
  let subject: string;
  switch (type) {
    case 'quyet-dinh':
      subject = `Về việc ${r.pick(DECISIONS)} ${r.chance(0.5) ? `công tác ${topic}` : `tại ${place}`} năm ${year}`;
      break;
    case 'bao-cao':
      subject = `Báo cáo tình hình ${topic} ${period(r, year)}`;
      break;
    case 'ke-hoach':
      subject = `Kế hoạch ${r.pick(ACTIONS)} công tác ${topic} năm ${year}`;
      break;
    case 'giay-moi':
      subject = `Mời dự Hội nghị ${r.pick(['sơ kết', 'tổng kết', 'triển khai'])} công tác ${topic} ${period(r, year)}`;
      break;
    case 'thong-bao':
      subject = r.chance(0.5)
        ? `Kết luận của Chủ tịch UBND tại cuộc họp về ${topic}`
        : `Thông báo lịch tiếp công dân ${period(r, year)} tại ${place}`;
      break;
    case 'cong-van':
      subject = r.weighted<string>([
        [`V/v ${r.pick(ACTIONS)} công tác ${topic} trên địa bàn ${place}`, 4],
        [`V/v báo cáo tình hình ${topic} ${period(r, year)}`, 2],
        [`V/v triển khai Kế hoạch số ${r.int(1, 400)}/KH-UBND về ${topic}`, 2],
        [`V/v góp ý dự thảo Quyết định về ${topic}`, 1],
      ]);
      break;
    default:
      subject = `${capitalize(r.pick(ACTIONS))} công tác ${topic} ${period(r, year)}`;
  }
  return r.chance(RARE_PROBABILITY) ? `${subject} và khắc phục ${RARE_PHRASE} tại ${place}` : subject;
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

function signer(r: Random): { signerName: string | null; signerPosition: string | null } {
  if (r.chance(0.15)) return { signerName: null, signerPosition: null };
  return { signerName: r.pick(SIGNERS), signerPosition: r.pick(POSITIONS) };
}

// Who wrote an incoming document, and the notation they gave it.
function sender(r: Random, type: string): [agency: string, notation: string] {
  const central = CENTRAL_NOTATIONS.filter(([t]) => t === type);
  if (central.length > 0) {
    const [, agency, notation] = r.pick(central);
    return [agency, notation];
  }
  const [agency, abbreviation] = r.pick(AGENCIES);
  return [agency, buildNotation({ documentType: type, agencyAbbreviation: abbreviation, unitAbbreviation: r.pick(UNITS) })];
}

// An incoming document as another agency wrote it: their number, their notation.
export function incomingText(r: Random, year: number, codeNumber?: string): GeneratedText {
  const type = r.weighted(INCOMING_TYPES);
  const [issuingAgency, notation] = sender(r, type);
  return {
    documentType: type,
    documentTypeName: typeName(type),
    subject: subjectFor(r, type, year),
    issuingAgency,
    codeNumber: codeNumber ?? String(r.int(1, 4999)),
    codeNotation: notation,
    ...signer(r),
    notes: r.chance(0.1) ? r.pick(NOTES) : null,
    priority: r.weighted(PRIORITY_MIX),
  };
}

// An outgoing document of our own commune; the caller supplies the number of its register.
export function outgoingText(r: Random, year: number, agencyName: string): Omit<GeneratedText, 'codeNumber' | 'codeNotation'> & { notation: string } {
  const type = r.weighted(OUTGOING_TYPES);
  return {
    documentType: type,
    documentTypeName: typeName(type),
    subject: subjectFor(r, type, year),
    issuingAgency: agencyName,
    notation: buildNotation({ documentType: type, agencyAbbreviation: 'UBND', unitAbbreviation: r.pick(UNITS) }),
    ...signer(r),
    notes: r.chance(0.05) ? r.pick(NOTES) : null,
    priority: r.weighted(PRIORITY_MIX),
  };
}

// What the clerk types into the registration form for a document arriving today. The code
// number is the caller's, so that the benchmark's registrations are not suspected duplicates of
// the seeded ones (the check still runs for each of them).
export function incomingForm(r: Random, todayIso: string, codeNumber: string): IncomingInput {
  const year = Number(todayIso.slice(0, 4));
  const t = incomingText(r, year, codeNumber);
  return {
    issuingAgency: t.issuingAgency,
    codeNumber: t.codeNumber,
    codeNotation: t.codeNotation,
    documentDate: todayIso,
    documentType: t.documentTypeName,
    subject: t.subject,
    priority: t.priority,
    signerName: t.signerName,
    signerPosition: t.signerPosition,
    notes: t.notes,
    pageCount: r.int(1, 12),
  };
}
