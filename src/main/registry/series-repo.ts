import type { RegisterRecord, SeriesRecord } from '../../shared/api/schemas/series.ts';
import type { z } from 'zod';
import type { seriesInput } from '../../shared/api/schemas/series.ts';
import { typeName } from '../../shared/domain/document-types.ts';
import { yearOf } from '../../shared/domain/dates.ts';
import { checkScheme, movedTypes } from '../../shared/domain/series-scheme.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp, today } from './clock.ts';
import type { RegistryContext } from './context.ts';

type SeriesData = z.output<typeof seriesInput>;

interface SeriesRow {
  id: number;
  name: string;
  direction: 'incoming' | 'outgoing';
  document_types: string;
  issuer_abbreviation: string | null;
  secret: number;
  active: number;
}

function toRecord(r: SeriesRow): SeriesRecord {
  return {
    id: r.id,
    name: r.name,
    direction: r.direction,
    documentTypes: JSON.parse(r.document_types) as string[],
    issuerAbbreviation: r.issuer_abbreviation,
    secret: r.secret === 1,
    active: r.active === 1,
  };
}

export function listSeries(ctx: RegistryContext): SeriesRecord[] {
  return (statement(ctx.db, 'SELECT * FROM series ORDER BY direction, id').all() as SeriesRow[]).map(toRecord);
}

// A type that has numbers this year keeps its series until 1 January: moved mid-year, its new
// register would start again at 01 and collide with the numbers already issued.
function refuseMidYearMoves(ctx: RegistryContext, before: SeriesRecord[], after: SeriesRecord[]): void {
  const moved = movedTypes(before, after);
  if (moved.length === 0) return;
  const year = yearOf(today(ctx.clock));
  const used = moved.filter(
    (t) => statement(ctx.db, "SELECT 1 FROM documents WHERE direction = 'outgoing' AND document_type = ? AND year = ? LIMIT 1").get(t, year) !== undefined,
  );
  if (used.length > 0) {
    throw new AppError(
      'CONFLICT',
      `${used.map(typeName).join(', ')} đã được cấp số trong năm ${year}; đổi sổ của loại này giữa năm sẽ làm trùng số. Hãy đổi từ ngày 01/01/${year + 1}.`,
      `series change moves types already numbered in ${year}: ${used.join(', ')}`,
    );
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
    // A register keeps one kind of document from its first number to its last.
    if (before && before.secret !== input.secret) {
      throw new AppError('CONFLICT', 'Không thể đổi sổ thường thành sổ văn bản mật hoặc ngược lại: hãy tạo sổ mới.', `series ${before.id} secret flag change`);
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
      secret: input.secret,
      active: input.active,
    };
    const after = [...existing.filter((s) => s.id !== record.id), record];
    checkScheme(after);
    refuseMidYearMoves(ctx, existing, after);
    const params = {
      name: record.name,
      direction: record.direction,
      documentTypes: JSON.stringify(record.documentTypes),
      issuerAbbreviation: record.issuerAbbreviation,
      secret: record.secret ? 1 : 0,
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
          `INSERT INTO series (name, direction, document_types, issuer_abbreviation, secret, active, created_at)
           VALUES (@name, @direction, @documentTypes, @issuerAbbreviation, @secret, @active, @createdAt)`,
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
  const s = listSeries(ctx).find((x) => x.direction === 'incoming' && x.active && !x.secret);
  if (!s) throw new AppError('CONFLICT', 'Chưa có sổ văn bản đến.', 'no active incoming series');
  return s;
}

// Secret incoming paper documents have their own register (Decree 30 Art. 22.4; migration 0010).
export function seriesForSecretIncoming(ctx: RegistryContext): SeriesRecord {
  const s = listSeries(ctx).find((x) => x.direction === 'incoming' && x.active && x.secret);
  if (!s) {
    throw new AppError(
      'CONFLICT',
      'Văn bản mật đến phải được vào sổ văn bản mật đến riêng, mà cơ quan chưa có sổ này: hãy tạo một sổ văn bản đến đánh dấu "Sổ văn bản mật" trong Cài đặt → Sổ và dãy số.',
      'no active secret incoming series',
    );
  }
  return s;
}

// A secret document is numbered in the secret series whatever its type (nd30-rules §2); there is
// no falling back to an ordinary series, whose register is not kept as a secret one.
export function seriesForSecret(ctx: RegistryContext): SeriesRecord {
  const s = listSeries(ctx).find((x) => x.direction === 'outgoing' && x.active && x.secret);
  if (!s) {
    throw new AppError(
      'CONFLICT',
      'Văn bản mật phải được cấp số trong sổ văn bản mật riêng, mà cơ quan chưa có sổ này: hãy tạo một sổ văn bản đi đánh dấu "Sổ văn bản mật" trong Cài đặt → Sổ và dãy số.',
      'no active secret series for a secret document',
    );
  }
  return s;
}

export function seriesForOutgoingType(ctx: RegistryContext, documentType: string): SeriesRecord {
  const outgoing = listSeries(ctx).filter((x) => x.direction === 'outgoing' && x.active && !x.secret);
  const s = outgoing.find((x) => x.documentTypes.includes(documentType)) ?? outgoing.find((x) => x.documentTypes.length === 0);
  if (!s) throw new AppError('CONFLICT', `Không có sổ văn bản đi cho loại "${typeName(documentType)}".`, `no series for ${documentType}`);
  return s;
}

export function findRegisterId(ctx: RegistryContext, seriesId: number, year: number): number | null {
  const row = statement(ctx.db, 'SELECT id FROM registers WHERE series_id = ? AND year = ?').get(seriesId, year) as { id: number } | undefined;
  return row?.id ?? null;
}

// Registers are created on first use in a year, inside the registering transaction.
export function registerIdFor(ctx: RegistryContext, seriesId: number, year: number): number {
  const existing = findRegisterId(ctx, seriesId, year);
  if (existing !== null) return existing;
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
