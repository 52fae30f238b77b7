import { formatVietnameseDate } from './dates.ts';
import { comparisonKey } from './fold.ts';
import { processingStatusLabel, type ProcessingStatus } from './processing.ts';

// The entries of a document's processing history (docs/processing.md) and what they come to.
export const ENTRY_KINDS = ['instruction', 'unit_instruction', 'proposal', 'status', 'reply'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

// Chủ trì / phối hợp (Art. 23.2).
export const ASSIGNEE_ROLES = ['lead', 'coordinate'] as const;
export type AssigneeRole = (typeof ASSIGNEE_ROLES)[number];

export const ENTRY_KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  instruction: 'Ý kiến chỉ đạo của lãnh đạo cơ quan',
  unit_instruction: 'Ý kiến của lãnh đạo đơn vị',
  proposal: 'Ý kiến đề xuất của người giải quyết',
  status: 'Tiến độ giải quyết',
  reply: 'Đã trả lời bằng văn bản đi',
};

export const ROLE_LABELS: Readonly<Record<AssigneeRole, string>> = { lead: 'Chủ trì', coordinate: 'Phối hợp' };

export interface Assignee {
  readonly role: AssigneeRole;
  readonly unit: string | null;
  readonly person: string | null;
  readonly dueDate: string | null;
}

export interface HistoryEntry {
  readonly id: number;
  readonly kind: EntryKind;
  readonly author: string | null;
  readonly text: string | null;
  readonly givenOn: string | null;
  readonly status: ProcessingStatus;
  readonly replyNotation: string | null;
  readonly assignees: readonly Assignee[];
}

export function assigneeName(a: Pick<Assignee, 'unit' | 'person'>): string {
  return [a.unit, a.person].filter(Boolean).join(' — ');
}

// Who has the document now, from the entries in the order they were recorded: the latest
// agency-level instruction (a correction is a later instruction, so it wins), then each unit
// leader's assignment after it giving a person and deadline within a unit it named.
export function distributionOf(entries: readonly HistoryEntry[]): Assignee[] {
  let rows: Assignee[] = [];
  for (const e of entries) {
    if (e.kind === 'instruction') rows = e.assignees.map((a) => ({ ...a }));
    if (e.kind === 'unit_instruction') {
      const given = e.assignees[0];
      if (!given?.unit) continue;
      const unit = comparisonKey(given.unit);
      rows = rows.map((r) => (r.unit !== null && comparisonKey(r.unit) === unit ? { ...r, person: given.person, dueDate: given.dueDate ?? r.dueDate } : r));
    }
  }
  return rows;
}

// The document's one deadline (Sổ theo dõi column 4, the lists' "Hạn xử lý"): the lead's, else
// the earliest of any unit's, else none from the instructions.
export function documentDeadline(rows: readonly Assignee[]): string | null {
  const lead = rows.find((r) => r.role === 'lead');
  if (lead?.dueDate) return lead.dueDate;
  const dates = rows.map((r) => r.dueDate).filter((d): d is string => d !== null);
  return dates.length > 0 ? (dates.sort()[0] ?? null) : null;
}

function assigneeLine(a: Assignee): string {
  const due = a.dueDate ? ` (hạn ${formatVietnameseDate(a.dueDate)})` : '';
  return `${ROLE_LABELS[a.role]}: ${assigneeName(a)}${due}`;
}

// One line of the history as the sender reads it in a status package's Description.
export function historyLine(e: HistoryEntry): string {
  const when = e.givenOn ? `${formatVietnameseDate(e.givenOn)} ` : '';
  const who = e.author ? ` (${e.author})` : '';
  const parts: string[] = [];
  if (e.kind === 'instruction' || e.kind === 'unit_instruction') parts.push(e.assignees.map(assigneeLine).join('; '));
  if (e.kind === 'status' || e.kind === 'reply') parts.push(processingStatusLabel(e.status));
  if (e.text) parts.push(e.text);
  if (e.replyNotation) parts.push(`văn bản trả lời số ${e.replyNotation}`);
  return `${when}${ENTRY_KIND_LABELS[e.kind]}${who}: ${parts.filter(Boolean).join('; ')}`;
}

// Appendix VI gives Ghi chú (Description) 500 characters; the status package carries no
// TraceHeaderList (edxml.md), so the history goes there, newest entries kept when it is longer.
export const STATUS_DESCRIPTION_MAX = 500;

export function statusDescription(headline: string, entries: readonly HistoryEntry[]): string {
  const lines = entries.map(historyLine);
  let kept = lines.length;
  const compose = (n: number): string => {
    const left = lines.length - n;
    const older = left > 0 ? [`(${left} mục trước)`] : [];
    return [headline, ...older, ...lines.slice(lines.length - n)].join('\n');
  };
  while (kept > 0 && compose(kept).length > STATUS_DESCRIPTION_MAX) kept--;
  const text = compose(kept);
  return text.length > STATUS_DESCRIPTION_MAX ? `${text.slice(0, STATUS_DESCRIPTION_MAX - 1)}…` : text;
}
