import type { InputOf } from '../../../shared/api/contract.ts';
import type { Direction } from '../../../shared/api/schemas/series.ts';
import type { Priority } from '../../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';
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
  sort: 'number',
  order: 'desc',
};

export type ListRequest = Omit<InputOf<'documents.list'>, 'offset' | 'limit' | 'withTotal'>;

// The documents.list query for these filters. Date boxes that do not hold a date yet are left
// out (the filter bar marks them) rather than sent half-typed.
export function toListRequest(direction: Direction, f: ListFilters): ListRequest {
  const from = readDateInput(f.from);
  const to = readDateInput(f.to);
  const query = f.query.trim();
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
    sort: f.sort,
    order: f.order,
  };
}
