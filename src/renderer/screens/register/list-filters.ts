import type { InputOf } from '../../../shared/api/contract.ts';
import type { Direction } from '../../../shared/api/schemas/series.ts';
import type { Priority } from '../../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';
import { FILE_NOTATION_PATTERN } from '../../../shared/domain/case-file-rules.ts';
import { readDateInput } from '../../util/dates.ts';

// What the clerk chose above a register list, as the controls hold it (text).
export interface ListFilters {
  readonly query: string;
  readonly year: string;
  readonly documentType: string;
  readonly from: string;
  readonly to: string;
  readonly status: 'all' | 'active' | 'void';
  readonly priority: '' | 'urgent' | Priority;
  readonly processingStatus: '' | ProcessingStatus;
  // A file's notation ("01.VP"): the documents filed in it.
  readonly caseFile: string;
  readonly sort: 'number' | 'documentDate' | 'dueDate';
  readonly order: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: ListFilters = {
  query: '',
  year: '',
  documentType: '',
  from: '',
  to: '',
  status: 'all',
  priority: '',
  processingStatus: '',
  caseFile: '',
  sort: 'number',
  order: 'desc',
};

export type ListRequest = Omit<InputOf<'documents.list'>, 'offset' | 'limit' | 'withTotal'>;

// A file's notation as typed, once it is one ("01.VP"; "01." is still being typed).
export function typedNotation(text: string): string | null {
  const t = text.trim();
  return FILE_NOTATION_PATTERN.test(t) ? t : null;
}

// The documents.list query for these filters. Date and file boxes that do not hold a date or a
// notation yet are left out (the filter bar marks them) rather than sent half-typed.
export function toListRequest(direction: Direction, f: ListFilters): ListRequest {
  const from = readDateInput(f.from);
  const to = readDateInput(f.to);
  const query = f.query.trim();
  const caseFile = typedNotation(f.caseFile);
  return {
    direction,
    ...(query ? { query } : {}),
    ...(f.year ? { year: Number(f.year) } : {}),
    ...(f.documentType ? { documentType: f.documentType } : {}),
    ...(from && from !== 'invalid' ? { from } : {}),
    ...(to && to !== 'invalid' ? { to } : {}),
    status: f.status,
    ...(f.priority === 'urgent' ? { urgentOnly: true } : f.priority ? { priority: f.priority } : {}),
    ...(direction === 'incoming' && f.processingStatus ? { processingStatus: f.processingStatus } : {}),
    ...(caseFile ? { caseFile } : {}),
    sort: f.sort,
    order: f.order,
  };
}
