import type { ListQuery } from '../../src/shared/api/schemas/documents.ts';

// What a clerk types in the search box: no diacritics, a notation, a rare word. Each runs in the
// incoming and the outgoing register, as the UI searches the register on screen.
export const SEARCH_TEXTS = [
  'quyet dinh',
  'dong nai',
  'ubnd',
  'ke hoach',
  'bao cao tinh hinh',
  '15/qd-ubnd',
  'taluy',
  'chuyen doi so',
  'nguyen van duc',
] as const;

// The box also searches within the filters on screen: a year, a type.
export function searchQueries(withTotal: boolean, year: number): ListQuery[] {
  const plain = SEARCH_TEXTS.flatMap((query) =>
    (['incoming', 'outgoing'] as const).map((direction): ListQuery => ({ direction, query, withTotal, limit: 50 })),
  );
  return [
    ...plain,
    { direction: 'incoming', query: 'quyet dinh', year: year - 3, withTotal, limit: 50 },
    { direction: 'outgoing', query: 'ubnd', year: year - 6, withTotal, limit: 50 },
    { direction: 'incoming', query: 'dong nai', documentType: 'Công văn', withTotal, limit: 50 },
  ];
}

// Register pages as the list screen asks for them: a year, one or two filters, a sort, the first
// page (and a page further down for scrolling), always with the total the list shows.
export function listQueries(year: number, todayIso: string): ListQuery[] {
  const q = (query: Omit<ListQuery, 'limit' | 'withTotal'>): ListQuery => ({ ...query, limit: 50, withTotal: true });
  return [
    q({ direction: 'incoming', year }),
    q({ direction: 'incoming', year: year - 1, documentType: 'Quyết định' }),
    q({ direction: 'incoming', year: year - 2, status: 'active', sort: 'documentDate', order: 'desc' }),
    q({ direction: 'incoming', year, urgentOnly: true }),
    q({ direction: 'incoming', year: year - 3, priority: 'hoa-toc', order: 'asc' }),
    q({ direction: 'incoming', year: year - 1, from: `${year - 1}-03-01`, to: `${year - 1}-03-31`, order: 'asc' }),
    q({ direction: 'incoming', year, from: `${todayIso.slice(0, 7)}-01`, to: todayIso, sort: 'documentDate', order: 'desc' }),
    q({ direction: 'incoming', year: year - 5, offset: 2000 }),
    q({ direction: 'incoming', year, processingStatus: 'in_progress', order: 'asc' }),
    q({ direction: 'outgoing', year }),
    q({ direction: 'outgoing', year, sort: 'documentDate', order: 'asc' }),
    q({ direction: 'outgoing', year: year - 4, documentType: 'bao-cao', order: 'asc' }),
    q({ direction: 'outgoing', year: year - 2, status: 'void' }),
    q({ direction: 'outgoing', year: year - 6, urgentOnly: true, sort: 'documentDate', order: 'desc' }),
  ];
}

// The list screen as it opens, with no year chosen: every year of the register at once. Its total
// counts every row of the direction (700,000 incoming at 1M), which is reported on its own.
export function allYearsQueries(todayIso: string): ListQuery[] {
  const q = (query: Omit<ListQuery, 'limit' | 'withTotal'>): ListQuery => ({ ...query, limit: 50, withTotal: true });
  return [
    q({ direction: 'incoming' }),
    q({ direction: 'outgoing' }),
    q({ direction: 'incoming', urgentOnly: true }),
    q({ direction: 'incoming', documentType: 'Quyết định' }),
    q({ direction: 'incoming', from: `${todayIso.slice(0, 7)}-01`, to: todayIso }),
    q({ direction: 'incoming', sort: 'documentDate', order: 'desc' }),
    q({ direction: 'outgoing', sort: 'dueDate', order: 'asc' }),
  ];
}
