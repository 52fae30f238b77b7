import type { RegisterRecord, SeriesRecord } from '../../shared/api/schemas/series.ts';
import type { z } from 'zod';
import type { seriesInput } from '../../shared/api/schemas/series.ts';
import { typeName } from '../../shared/domain/document-types.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { statement } from '../db/statements.ts';

type SeriesData = z.output<typeof seriesInput>;

interface SeriesRow {
  id: number;
  name: string;
  direction: 'incoming' | 'outgoing';
  document_types: string;
  issuer_abbreviation: string | null;
  active: number;
}

function toRecord(r: SeriesRow): SeriesRecord {
  return {
    id: r.id,
    name: r.name,
    direction: r.direction,
    documentTypes: JSON.parse(r.document_types) as string[],
    issuerAbbreviation: r.issuer_abbreviation,
    active: r.active === 1,
  };
}

export function listSeries(ctx: RegistryContext): SeriesRecord[] {
  return (statement(ctx.db, 'SELECT * FROM series ORDER BY direction, id').all() as SeriesRow[]).map(toRecord);
}

// The scheme the head of the agency sets (nd30-rules §2): one incoming series, and outgoing
// series each claiming some document types plus one catch-all series for the rest, so every type
// has exactly one series and number+notation stays unique.
function checkScheme(all: SeriesRecord[]): void {
  const active = all.filter((s) => s.active);
  const incoming = active.filter((s) => s.direction === 'incoming');
  if (incoming.length !== 1) {
    throw new AppError('CONFLICT', 'Phải có đúng một sổ văn bản đến đang dùng.', `active incoming series: ${incoming.length}`);
  }
  const outgoing = active.filter((s) => s.direction === 'outgoing');
  const catchAll = outgoing.filter((s) => s.documentTypes.length === 0);
  if (catchAll.length !== 1) {
    throw new AppError(
      'CONFLICT',
      'Phải có đúng một sổ văn bản đi chung (không giới hạn loại văn bản) cho các loại không có sổ riêng.',
      `active catch-all outgoing series: ${catchAll.length}`,
    );
  }
  const owner = new Map<string, string>();
  for (const s of outgoing) {
    for (const t of s.documentTypes) {
      const other = owner.get(t);
      if (other) {
        throw new AppError(
          'CONFLICT',
          `Loại "${typeName(t)}" đã thuộc sổ "${other}"; mỗi loại văn bản chỉ được đánh số trong một sổ.`,
          `document type ${t} is in two series`,
        );
      }
      owner.set(t, s.name);
    }
  }
  const names = new Set<string>();
  for (const s of all) {
    const key = `${s.direction}:${s.name.toLocaleLowerCase('vi')}`;
    if (names.has(key)) throw new AppError('CONFLICT', `Tên sổ "${s.name}" bị trùng.`, `duplicate series name ${s.name}`);
    names.add(key);
  }
}

export function saveSeries(ctx: RegistryContext, input: SeriesData): SeriesRecord {
  return writeTransaction(ctx.db, () => {
    const existing = listSeries(ctx);
    const before = input.id ? existing.find((s) => s.id === input.id) : undefined;
    if (input.id && !before) throw new AppError('NOT_FOUND', 'Không tìm thấy sổ cần sửa.', `series ${input.id} not found`);
    if (before && before.direction !== input.direction) {
      throw new AppError('CONFLICT', 'Không thể đổi sổ đến thành sổ đi hoặc ngược lại.', `series ${before.id} direction change`);
    }
    if (input.direction === 'incoming' && input.documentTypes.length > 0) {
      throw new AppError('INVALID_INPUT', 'Sổ văn bản đến không giới hạn theo loại văn bản.', 'incoming series with document types');
    }
    const record: SeriesRecord = {
      id: before?.id ?? 0,
      name: input.name,
      direction: input.direction,
      documentTypes: [...new Set(input.documentTypes)],
      issuerAbbreviation: input.issuerAbbreviation,
      active: input.active,
    };
    checkScheme([...existing.filter((s) => s.id !== record.id), record]);
    const params = {
      name: record.name,
      direction: record.direction,
      documentTypes: JSON.stringify(record.documentTypes),
      issuerAbbreviation: record.issuerAbbreviation,
      active: record.active ? 1 : 0,
    };
    if (before) {
      ctx.db
        .prepare(
          `UPDATE series SET name = @name, document_types = @documentTypes, issuer_abbreviation = @issuerAbbreviation,
           active = @active WHERE id = @id`,
        )
        .run({ ...params, id: before.id });
    } else {
      const info = ctx.db
        .prepare(
          `INSERT INTO series (name, direction, document_types, issuer_abbreviation, active, created_at)
           VALUES (@name, @direction, @documentTypes, @issuerAbbreviation, @active, @createdAt)`,
        )
        .run({ ...params, createdAt: timestamp(ctx.clock) });
      record.id = Number(info.lastInsertRowid);
    }
    ctx.audit.append({ action: before ? 'series.update' : 'series.create', entityType: 'series', entityId: record.id, details: { before, after: record } });
    return record;
  });
}

// Initial series created with a new profile: a checked scheme from the start.
export function createDefaultSeries(ctx: RegistryContext): void {
  const insert = ctx.db.prepare(
    `INSERT INTO series (name, direction, document_types, issuer_abbreviation, active, created_at)
     VALUES (?, ?, ?, NULL, 1, ?)`,
  );
  const at = timestamp(ctx.clock);
  insert.run('Sổ văn bản đến', 'incoming', '[]', at);
  insert.run('Sổ văn bản đi', 'outgoing', '[]', at);
  insert.run('Sổ bản sao văn bản', 'outgoing', JSON.stringify(['ban-sao-y', 'ban-trich-sao', 'ban-sao-luc']), at);
  checkScheme(listSeries(ctx));
  ctx.audit.append({ action: 'series.createDefaults', entityType: 'series', details: { series: listSeries(ctx) } });
}

export function seriesForIncoming(ctx: RegistryContext): SeriesRecord {
  const s = listSeries(ctx).find((x) => x.direction === 'incoming' && x.active);
  if (!s) throw new AppError('CONFLICT', 'Chưa có sổ văn bản đến.', 'no active incoming series');
  return s;
}

export function seriesForOutgoingType(ctx: RegistryContext, documentType: string): SeriesRecord {
  const outgoing = listSeries(ctx).filter((x) => x.direction === 'outgoing' && x.active);
  const s = outgoing.find((x) => x.documentTypes.includes(documentType)) ?? outgoing.find((x) => x.documentTypes.length === 0);
  if (!s) throw new AppError('CONFLICT', `Không có sổ văn bản đi cho loại "${typeName(documentType)}".`, `no series for ${documentType}`);
  return s;
}

// Registers are created on first use in a year, inside the registering transaction.
export function registerIdFor(ctx: RegistryContext, seriesId: number, year: number): number {
  const row = statement(ctx.db, 'SELECT id FROM registers WHERE series_id = ? AND year = ?').get(seriesId, year) as
    | { id: number }
    | undefined;
  if (row) return row.id;
  const info = statement(ctx.db, 'INSERT INTO registers (series_id, year, created_at) VALUES (?, ?, ?)').run(seriesId, year, timestamp(ctx.clock));
  return Number(info.lastInsertRowid);
}

export function listRegisters(ctx: RegistryContext, year?: number): RegisterRecord[] {
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.series_id, s.name AS series_name, s.direction, r.year,
              (SELECT count(*) FROM documents d WHERE d.register_id = r.id) AS document_count,
              (SELECT min(number) FROM documents d WHERE d.register_id = r.id) AS first_number,
              (SELECT max(number) FROM documents d WHERE d.register_id = r.id) AS last_number,
              (SELECT register_date FROM documents d WHERE d.register_id = r.id ORDER BY number LIMIT 1) AS first_date,
              (SELECT register_date FROM documents d WHERE d.register_id = r.id ORDER BY number DESC LIMIT 1) AS last_date
       FROM registers r JOIN series s ON s.id = r.series_id
       WHERE (@year IS NULL OR r.year = @year)
       ORDER BY r.year DESC, s.direction, s.id`,
    )
    .all({ year: year ?? null }) as Array<{
    id: number;
    series_id: number;
    series_name: string;
    direction: 'incoming' | 'outgoing';
    year: number;
    document_count: number;
    first_number: number | null;
    last_number: number | null;
    first_date: string | null;
    last_date: string | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    seriesId: r.series_id,
    seriesName: r.series_name,
    direction: r.direction,
    year: r.year,
    documentCount: r.document_count,
    firstNumber: r.first_number,
    lastNumber: r.last_number,
    firstDate: r.first_date,
    lastDate: r.last_date,
  }));
}
