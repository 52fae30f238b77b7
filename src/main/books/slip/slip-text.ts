import type { ProcessingEntry, ProcessingHistory } from '../../../shared/api/schemas/processing.ts';
import type { AgencyProfile } from '../../../shared/api/schemas/profile.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';
import { assigneeName, type Assignee } from '../../../shared/domain/processing-history.ts';

// What the phiếu giải quyết văn bản đến (Appendix IV, VII) says, filled from the record: the
// document it is about, then its three parts. An entry a later one corrected is not printed (the
// history keeps it); the parts print the entries in force, in the order they were given.
export interface SlipSection {
  readonly heading: string;
  // Paragraphs; an empty section prints dotted lines to write on by hand.
  readonly lines: readonly string[];
}

export interface SlipText {
  readonly parentAgency: string | null;
  readonly agency: string;
  readonly placeDate: string;
  readonly about: string;
  readonly subject: string;
  readonly arrival: string;
  readonly sections: readonly SlipSection[];
}

const inForce = (entries: readonly ProcessingEntry[], kind: ProcessingEntry['kind']) =>
  entries.filter((e) => e.kind === kind && e.correctedById === null);

function due(a: Assignee): string {
  return a.dueDate ? formatVietnameseDate(a.dueDate) : 'không ghi';
}

function givenOn(e: ProcessingEntry): string {
  return e.givenOn ? formatVietnameseDate(e.givenOn) : '';
}

function agencyPart(entries: readonly ProcessingEntry[]): string[] {
  const instruction = inForce(entries, 'instruction').at(-1);
  if (!instruction) return [];
  const lead = instruction.assignees.filter((a) => a.role === 'lead');
  const others = instruction.assignees.filter((a) => a.role === 'coordinate');
  return [
    ...(instruction.text ? [instruction.text] : []),
    `- Giao đơn vị, cá nhân chủ trì: ${lead.map(assigneeName).join('; ')}`,
    `- Giao các đơn vị, cá nhân tham gia phối hợp giải quyết: ${others.length > 0 ? others.map(assigneeName).join('; ') : 'không'}`,
    `- Thời hạn giải quyết: ${instruction.assignees.map((a) => `${assigneeName(a)}: ${due(a)}`).join('; ')}`,
    `- Ngày tháng cho ý kiến phân phối, giải quyết: ${givenOn(instruction)}`,
    ...(instruction.author ? [`Người cho ý kiến: ${instruction.author}`] : []),
  ];
}

function unitPart(entries: readonly ProcessingEntry[]): string[] {
  return inForce(entries, 'unit_instruction').flatMap((e) => {
    const a = e.assignees[0];
    return [
      ...(e.text ? [e.text] : []),
      `- Giao cho cá nhân: ${a?.person ?? ''} (${a?.unit ?? ''}); thời hạn giải quyết: ${a ? due(a) : ''}`,
      `- Ngày, tháng, năm cho ý kiến: ${givenOn(e)}${e.author ? ` — ${e.author}` : ''}`,
    ];
  });
}

function proposalPart(entries: readonly ProcessingEntry[]): string[] {
  return inForce(entries, 'proposal').flatMap((e) => [
    `- ${e.text ?? ''}`,
    `- Ngày, tháng, năm đề xuất ý kiến: ${givenOn(e)}${e.author ? ` — ${e.author}` : ''}`,
  ]);
}

export function slipText(agency: AgencyProfile, history: ProcessingHistory, printedOn: string, placeDate: (place: string, iso: string) => string): SlipText {
  const d = history.document;
  return {
    parentAgency: agency.parentName,
    agency: agency.name,
    placeDate: placeDate(agency.placeName, printedOn),
    about: `${d.documentTypeName} số ${numberNotation(d)} ngày ${formatVietnameseDate(d.documentDate)} của ${d.issuingAgency}`,
    subject: `Trích yếu: ${d.subject}`,
    arrival: `Số đến: ${d.number}; ngày đến: ${formatVietnameseDate(d.registerDate)}`,
    sections: [
      { heading: '1. Ý kiến của lãnh đạo cơ quan, tổ chức', lines: agencyPart(history.entries) },
      { heading: '2. Ý kiến của lãnh đạo đơn vị', lines: unitPart(history.entries) },
      { heading: '3. Ý kiến đề xuất của người giải quyết', lines: proposalPart(history.entries) },
    ],
  };
}
