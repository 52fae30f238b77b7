import type { ImportRowError } from '../../../shared/api/schemas/books.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import type { RegistryContext } from '../../registry/context.ts';
import type { PlacedRow } from './check-rows.ts';
import type { ImportKind } from './parse-row.ts';

interface Entry {
  readonly number: number;
  readonly date: string;
  readonly row: number | null;
}

// Old registers are rarely perfect, so these are warnings, not errors: numbers that skip (a
// missing page, a typing slip) and dates that go backwards while numbers go up. Each register is
// looked at whole, the rows already in the database together with the file's.
export function sequenceWarnings(ctx: RegistryContext, kind: ImportKind, rows: readonly PlacedRow[]): ImportRowError[] {
  const warnings: ImportRowError[] = [];
  const field = kind === 'incoming' ? 'number' : 'numberAndNotation';
  const title = kind === 'incoming' ? 'Số đến' : 'Số, ký hiệu';
  const dateTitle = kind === 'incoming' ? 'ngày đến' : 'ngày văn bản';
  const groups = new Map<string, PlacedRow[]>();
  for (const r of rows) {
    const key = `${r.seriesId}|${r.year}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const existing = ctx.db.prepare(
    `SELECT d.number, d.register_date AS date FROM documents d JOIN registers r ON r.id = d.register_id
     WHERE r.series_id = ? AND r.year = ? ORDER BY d.number`,
  );
  for (const group of groups.values()) {
    const first = group[0] as PlacedRow;
    const entries: Entry[] = [
      ...(existing.all(first.seriesId, first.year) as Array<{ number: number; date: string }>).map((e) => ({ ...e, row: null })),
      ...group.map((r) => ({ number: r.number, date: r.registerDate, row: r.row })),
    ].sort((a, b) => a.number - b.number);
    let previous: Entry | null = null;
    for (const e of entries) {
      const last = previous?.number ?? 0;
      if (e.row !== null && e.number > last + 1) {
        const missing = e.number - 1 > last + 1 ? `${last + 1}–${e.number - 1}` : `${last + 1}`;
        warnings.push({ row: e.row, field, message: `${title}: sổ ${first.seriesName} năm ${first.year} thiếu số ${missing} trước số ${e.number}` });
      }
      if (previous && e.date < previous.date && (e.row ?? previous.row) !== null) {
        warnings.push({
          row: (e.row ?? previous.row) as number,
          field,
          message: `${title}: số ${e.number} có ${dateTitle} ${formatVietnameseDate(e.date)}, trước ${dateTitle} của số ${previous.number} (${formatVietnameseDate(previous.date)})`,
        });
      }
      previous = e;
    }
  }
  return warnings;
}
