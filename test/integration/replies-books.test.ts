import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBook } from '../../src/main/books/export-book.ts';
import { issueIssuance } from '../../src/main/issuance/issue-step.ts';
import { numberIssuance } from '../../src/main/issuance/number-step.ts';
import { registerIssuance } from '../../src/main/issuance/register-step.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { getDocument } from '../../src/main/registry/documents.ts';
import { linkReply } from '../../src/main/registry/replies.ts';
import type { BookKind } from '../../src/shared/api/schemas/books.ts';
import { replyLinkInput } from '../../src/shared/api/schemas/replies.ts';
import { exportData } from '../fixtures/books/seed.ts';
import { addIncoming } from '../support/documents.ts';
import { issueDocument, softwareToken } from '../support/issued-document.ts';
import { fixedClock, newProfile, tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

type Cell = string | number | Date | boolean | null;

// The reply link in the exported register books (Appendix IV), after a draft named the incoming
// document it answers and its register step closed it: column 6 "Số, ký hiệu văn bản trả lời"
// of the Sổ theo dõi giải quyết văn bản đến, and column 10 "Ghi chú" of the Sổ đi (which has no
// column of its own for it), read back from the CSV and XLSX files.
describe('replies in the exported register books', () => {
  let t: ReturnType<typeof newProfile>;
  let p: Profile;
  const scratch = tempDir('vanthu-replies-books-');
  let answered: ReturnType<typeof addIncoming>;
  let open: ReturnType<typeof addIncoming>;
  let replyNotation = '';

  beforeAll(async () => {
    t = newProfile(fixedClock('2026-03-10T02:00:00Z'));
    p = t.profile;
    const pki = await createTestPki();
    answered = addIncoming(p, { arrivalDate: '2026-03-09', issuingAgency: 'Sở Nội vụ thành phố Đà Nẵng' });
    open = addIncoming(p, { arrivalDate: '2026-03-09' });
    const draft = await issueDocument(p, pki, scratch.dir, { subject: 'Trả lời về công tác văn thư' }, 'approved');
    linkReply(p, replyLinkInput.parse({ incomingId: answered.id, issuanceId: draft.id }));
    await numberIssuance(p, draft.id);
    const issued = await issueIssuance(p, draft.id, softwareToken(pki.agency, [pki.root]));
    await registerIssuance(p, draft.id);
    const reply = getDocument(p, issued.documentId as number);
    replyNotation = `${reply.codeNumber}/${reply.codeNotation}`;
  }, 60_000);
  afterAll(() => {
    t.cleanup();
    scratch.cleanup();
  });

  async function rows(kind: BookKind, format: 'csv' | 'xlsx'): Promise<Cell[][]> {
    const path = join(t.dir, `${kind}.${format}`);
    await exportBook(p, exportData({ kind, year: 2026, format }), path);
    if (format === 'csv') return parse(readFileSync(path, 'utf8'), { bom: true }) as string[][];
    return (await readExcelFile(readFileSync(path)))[0]?.data as Cell[][];
  }

  // The cell under a column title, in the row whose first cells match.
  function cell(table: Cell[][], title: string, row: (r: Cell[]) => boolean): { column: number; value: Cell } {
    const column = table[0]!.indexOf(title);
    const found = table.slice(1).filter(row);
    expect(found, `one row for ${title}`).toHaveLength(1);
    return { column: column + 1, value: found[0]![column] ?? null };
  }

  it.each(['csv', 'xlsx'] as const)('follow-up book (%s): column 6 holds the reply’s number for the document it closed, and nothing for the other', async (format) => {
    const table = await rows('followup', format);
    const byArrival = (n: number) => (r: Cell[]) => String(r[0]) === String(n);
    expect(cell(table, 'Số, ký hiệu văn bản trả lời', byArrival(answered.number))).toEqual({ column: 6, value: replyNotation });
    expect(cell(table, 'Tiến độ giải quyết', byArrival(answered.number)).value).toBe('Hoàn thành');
    // Empty: an empty CSV field, no XLSX cell.
    expect(cell(table, 'Số, ký hiệu văn bản trả lời', byArrival(open.number)).value).toBe(format === 'csv' ? '' : null);
  });

  it.each(['csv', 'xlsx'] as const)('outgoing book (%s): column 10 of the reply names the document it answers', async (format) => {
    const table = await rows('outgoing', format);
    const note = cell(table, 'Ghi chú', (r) => r[0] === replyNotation);
    expect(note).toEqual({ column: 10, value: `Trả lời văn bản số ${answered.codeNumber}/${answered.codeNotation} ngày 01/03/2026 của Sở Nội vụ thành phố Đà Nẵng.` });
  });
});
