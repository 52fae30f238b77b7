import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBook } from '../../src/main/books/export-book.ts';
import { importRegister } from '../../src/main/books/import-register.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { addIncoming, addOutgoing, exportData, seedSampleBooks } from '../fixtures/books/seed.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

type Kind = 'incoming' | 'outgoing';

const CLOCK = '2026-03-05T02:00:00Z';

// What a clerk would compare: the book as printed, and the facts behind each row.
function facts(p: Profile, kind: Kind) {
  return p.db
    .prepare(
      `SELECT s.name AS series, d.year, d.number, d.register_date, d.code_number, d.code_notation, d.document_date,
              d.document_type, d.document_type_name, d.subject, d.issuing_agency, d.signer_name, d.recipients_text,
              d.recipient_unit, d.copies, d.transfer_date, d.received_by, d.notes, d.priority, d.status, d.void_reason
       FROM documents d JOIN registers r ON r.id = d.register_id JOIN series s ON s.id = r.series_id
       WHERE d.direction = ? ORDER BY s.id, d.number`,
    )
    .all(kind);
}

describe('register book round trip: export, then import into a new profile', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function profileAt(): { profile: Profile; dir: string } {
    const t = newProfile(fixedClock(CLOCK));
    cleanups.push(t.cleanup);
    return t;
  }

  async function book(p: Profile, dir: string, kind: Kind, format: 'csv' | 'xlsx' | 'json', name: string): Promise<string> {
    const path = join(dir, `${name}.${format}`);
    await exportBook(p, exportData({ kind, year: 2026, format }), path);
    return path;
  }

  it.each([
    ['incoming', 'csv'],
    ['incoming', 'xlsx'],
    ['outgoing', 'csv'],
    ['outgoing', 'xlsx'],
  ] as const)('%s book as %s comes back row for row', async (kind, format) => {
    const source = profileAt();
    seedSampleBooks(source.profile);
    const file = await book(source.profile, source.dir, kind, format, 'source');

    const target = profileAt();
    const report = await importRegister(target.profile, { kind, fileName: `so.${format}`, data: readFileSync(file), dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report.imported).toBe(3);

    expect(facts(target.profile, kind)).toEqual(facts(source.profile, kind));
    const before = readFileSync(await book(source.profile, source.dir, kind, 'json', 'before'), 'utf8');
    const after = readFileSync(await book(target.profile, target.dir, kind, 'json', 'after'), 'utf8');
    expect(JSON.parse(after).rows).toEqual(JSON.parse(before).rows);
  });

  // csv-stringify puts an apostrophe before = + - @ and before their full-width forms ＝ ＋ － ＠;
  // the import must take off exactly what the export put on.
  it('keeps cells that start like a formula, ASCII or full-width, through CSV', async () => {
    const source = profileAt();
    const starts = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
    starts.forEach((start, i) => {
      addIncoming(source.profile, {
        arrivalDate: '2026-03-02',
        documentDate: '2026-03-01',
        recipientUnit: `${start}Văn phòng`,
        receivedBy: `${start} Lan`,
        notes: `${start}gọi lại số ${i}`,
      });
      addOutgoing(source.profile, { documentDate: '2026-03-02', recipientsText: `${start} Như trên;\n${start} Lưu: VT.`, notes: `${start}${i}` });
    });
    for (const kind of ['incoming', 'outgoing'] as const) {
      const file = await book(source.profile, source.dir, kind, 'csv', `formula-${kind}`);
      const target = profileAt();
      const report = await importRegister(target.profile, { kind, fileName: 'so.csv', data: readFileSync(file), dryRun: false });
      expect(report.errors).toEqual([]);
      expect(report.imported).toBe(starts.length);
      expect(facts(target.profile, kind)).toEqual(facts(source.profile, kind));
    }
  });
});
