import type { AuditEntry } from '../../../shared/api/schemas/audit.ts';
import { documentName } from '../../util/labels.ts';

type Details = Readonly<Record<string, unknown>>;

function details(e: AuditEntry): Details {
  return typeof e.details === 'object' && e.details !== null ? (e.details as Details) : {};
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const count = (v: unknown): number => (typeof v === 'number' ? v : 0);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// The name of the document an entry is about, when its details carry it (registration, void).
function documentFromDetails(e: AuditEntry): string | null {
  const d = details(e);
  if (e.action === 'incoming.register') {
    return documentName({ direction: 'incoming', number: count(d.arrivalNumber), year: count(d.year), codeNumber: '', codeNotation: '' });
  }
  if (e.action === 'outgoing.register' || e.action === 'document.void') {
    const direction = e.action === 'outgoing.register' || d.direction === 'outgoing' ? 'outgoing' : 'incoming';
    return documentName({ direction, number: count(d.number), year: count(d.year), codeNumber: text(d.codeNumber), codeNotation: text(d.codeNotation) });
  }
  return null;
}

// Document names known from the entries on screen, by document id: a correction or an
// assignment names its document only by id, its registration by số đến or số, ký hiệu.
export function knownDocuments(entries: readonly AuditEntry[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const e of entries) {
    const name = e.entityType === 'document' && e.entityId ? documentFromDetails(e) : null;
    if (name && e.entityId) names.set(e.entityId, name);
  }
  return names;
}

// What an entry is about, in the clerk's words rather than table names and database ids.
export function auditSubject(e: AuditEntry, documents: ReadonlyMap<string, string>): string {
  const d = details(e);
  switch (e.entityType) {
    case 'document': {
      const name = (e.entityId ? documents.get(e.entityId) : undefined) ?? documentFromDetails(e);
      return name ? capitalise(name) : 'Văn bản';
    }
    case 'profile':
      return 'Thông tin cơ quan';
    case 'series': {
      if (e.action === 'series.createDefaults') return 'Các sổ mặc định';
      const name = text((d.after as Details | undefined)?.name);
      return name ? `Sổ "${name}"` : 'Sổ';
    }
    case 'register': {
      const book = d.kind === 'outgoing' ? 'Sổ văn bản đi' : 'Sổ văn bản đến';
      const years = Array.isArray(d.years) && d.years.length ? ` năm ${d.years.join(', ')}` : '';
      const file = text(d.fileName);
      return `${book}${years}${file ? ` (tệp ${file})` : ''}`;
    }
    case 'backup':
      return e.entityId ? `Bản sao lưu ${e.entityId}` : 'Bản sao lưu';
    case 'caseFile': {
      const notation = text(d.notation);
      return notation ? `Hồ sơ ${notation}` : 'Hồ sơ';
    }
    case 'filePlan':
      return typeof d.year === 'number' ? `Danh mục hồ sơ năm ${d.year}` : 'Danh mục hồ sơ';
    case 'handover':
      return e.entityId ? `Lần nộp lưu ${e.entityId}` : 'Lần nộp lưu';
    default:
      return '';
  }
}
