import { saveFile } from '../../src/main/casefiles/files.ts';
import { approvePlan, createPlan } from '../../src/main/casefiles/plans.ts';
import { writeTransaction } from '../../src/main/db/connection.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { timestamp } from '../../src/main/registry/clock.ts';
import { approvePlanInput, createPlanInput, saveFileInput } from '../../src/shared/api/schemas/casefiles.ts';
import type { Random } from './random.ts';
import { ACTIONS, SIGNERS, TOPICS } from './vocabulary.ts';

// The case files of a seeded registry (bench:records, bench/README.md): one plan a year from the
// default headings, approved, with its files made through the casefiles layer; documents filed by
// plain INSERTs into case_file_documents, which migration 0011's triggers check row by row (file
// open, document not secret), each with the audit entry addDocument writes. Half the active
// documents of a year are filed, one in twenty of those in a second file (Appendix VI III.4.e),
// and one file of this year holds exactly `bigFile` documents spread over the year.

const FILED_SHARE = 0.5;
const SECOND_FILE_SHARE = 0.05;
const BATCH = 5_000;
const RETENTIONS: ReadonlyArray<readonly [number | null, number]> = [
  [null, 3],
  [5, 2],
  [10, 3],
  [20, 1],
  [70, 1],
];

export interface CaseFileSeed {
  readonly plans: number;
  readonly files: number;
  readonly filings: number;
  readonly bigFileId: number;
}

function yearsOf(profile: Profile): number[] {
  return profile.db.prepare('SELECT DISTINCT year FROM documents ORDER BY year').pluck().all() as number[];
}

// The plan of `year` with `count` files spread over its headings; the first file is the big one
// when `year` is this year.
function planWithFiles(profile: Profile, year: number, count: number, r: Random): number[] {
  const plan = createPlan(profile, createPlanInput.parse({ year }));
  approvePlan(profile, approvePlanInput.parse({ year, decisionNumber: `${String(r.int(1, 20)).padStart(2, '0')}/QĐ-UBND`, decisionDate: `${year}-01-05`, decisionBy: 'Chủ tịch UBND xã' }));
  const headings = plan.headings.map((h) => h.id);
  const ids: number[] = [];
  for (let start = 0; start < count; start += 500) {
    // One commit per 500 files: saveFile's own transaction becomes a savepoint inside it.
    writeTransaction(profile.db, () => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const title = `Hồ sơ ${r.pick(ACTIONS)} ${r.pick(TOPICS)} năm ${year}${i >= 200 ? ` (tập ${Math.floor(i / 200) + 1})` : ''}`;
        const record = saveFile(
          profile,
          saveFileInput.parse({ headingId: r.pick(headings), title, retentionYears: r.weighted(RETENTIONS), creator: r.pick(SIGNERS) }),
        );
        ids.push(record.id);
      }
    });
  }
  return ids;
}

// Evenly spaced over the year's documents, so the big file runs from January to December.
function spread<T>(items: readonly T[], n: number): T[] {
  return Array.from({ length: Math.min(n, items.length) }, (_, j) => items[Math.floor((j * items.length) / Math.min(n, items.length))] as T);
}

function fileDocuments(profile: Profile, pairs: ReadonlyArray<readonly [fileId: number, documentId: number]>, notations: ReadonlyMap<number, string>): void {
  const insert = profile.db.prepare('INSERT INTO case_file_documents (case_file_id, document_id, added_at) VALUES (?, ?, ?)');
  for (let start = 0; start < pairs.length; start += BATCH) {
    writeTransaction(profile.db, () => {
      const at = timestamp(profile.clock);
      for (const [fileId, documentId] of pairs.slice(start, start + BATCH)) {
        insert.run(fileId, documentId, at);
        profile.audit.append({ action: 'caseFile.addDocument', entityType: 'caseFile', entityId: fileId, details: { documentId, notation: notations.get(fileId) } });
      }
    });
  }
}

// The year's filings: the big file's documents first (this year only), then half of the others
// into random files of the plan, some of them into a second one.
function filingsOf(profile: Profile, year: number, fileIds: readonly number[], big: { id: number; size: number } | null, r: Random): Array<[number, number]> {
  const documents = profile.db.prepare("SELECT id FROM documents WHERE year = ? AND status = 'active' ORDER BY id").pluck().all(year) as number[];
  const pairs: Array<[number, number]> = [];
  const inBig = new Set(big ? spread(documents, big.size) : []);
  if (big) for (const id of inBig) pairs.push([big.id, id]);
  const others = big ? fileIds.filter((id) => id !== big.id) : fileIds;
  for (const id of documents) {
    if (inBig.has(id) || !r.chance(FILED_SHARE)) continue;
    const first = r.pick(others);
    pairs.push([first, id]);
    if (others.length > 1 && r.chance(SECOND_FILE_SHARE)) {
      const second = r.pick(others);
      if (second !== first) pairs.push([second, id]);
    }
  }
  return pairs;
}

// Earlier years as an archive would find them: last year's files closed in January, older ones
// closed and handed over the year after their plan (Art. 30.2.b). Done in SQL with the figures
// closeFile records (dates, documents, pages from the register's page count: the seeded
// documents of those years have no PDF), one handover per year, and no audit entries.
function closeAndHandOver(profile: Profile, year: number, thisYear: number): void {
  if (year >= thisYear) return;
  const closedAt = `${year + 1}-01-10T02:00:00.000Z`;
  writeTransaction(profile.db, () => {
    profile.db
      .prepare(
        `UPDATE case_files SET status = 'closed', closed_at = @closedAt,
           start_date = (SELECT min(d.document_date) FROM case_file_documents x JOIN documents d ON d.id = x.document_id WHERE x.case_file_id = case_files.id AND x.removed_at IS NULL),
           end_date = (SELECT max(d.document_date) FROM case_file_documents x JOIN documents d ON d.id = x.document_id WHERE x.case_file_id = case_files.id AND x.removed_at IS NULL),
           doc_total = (SELECT count(*) FROM case_file_documents x WHERE x.case_file_id = case_files.id AND x.removed_at IS NULL),
           page_total = (SELECT coalesce(sum(d.page_count), 0) FROM case_file_documents x JOIN documents d ON d.id = x.document_id WHERE x.case_file_id = case_files.id AND x.removed_at IS NULL)
         WHERE plan_id = (SELECT id FROM file_plans WHERE year = @year)
           AND EXISTS (SELECT 1 FROM case_file_documents x WHERE x.case_file_id = case_files.id AND x.removed_at IS NULL)`,
      )
      .run({ closedAt, year });
    if (year >= thisYear - 1) return;
    const handedOverAt = `${year + 1}-06-15T03:00:00.000Z`;
    const handover = Number(
      profile.db
        .prepare("INSERT INTO handovers (year, created_at, giver_name, giver_title, receiver_name, receiver_title) VALUES (?, ?, 'Lê Thị Hoa', 'Văn thư', 'Trần Văn Nam', 'Lưu trữ cơ quan')")
        .run(year, handedOverAt).lastInsertRowid,
    );
    profile.db
      .prepare("UPDATE case_files SET status = 'handed_over', handover_id = ?, handed_over_at = ? WHERE plan_id = (SELECT id FROM file_plans WHERE year = ?) AND status = 'closed'")
      .run(handover, handedOverAt, year);
  });
}

export function seedCaseFiles(profile: Profile, options: { files: number; bigFile: number; thisYear: number }, r: Random, log: (m: string) => void): CaseFileSeed {
  const years = yearsOf(profile);
  let files = 0;
  let filings = 0;
  let bigFileId = 0;
  years.forEach((year, k) => {
    // The files divided between the years, the remainder to the latest ones.
    const count = Math.floor(options.files / years.length) + (k >= years.length - (options.files % years.length) ? 1 : 0);
    const fileIds = planWithFiles(profile, year, count, r);
    const notations = new Map((profile.db.prepare('SELECT id, notation FROM case_files WHERE plan_id = (SELECT id FROM file_plans WHERE year = ?)').all(year) as Array<{ id: number; notation: string }>).map((f) => [f.id, f.notation]));
    const big = year === options.thisYear ? { id: fileIds[0] as number, size: options.bigFile } : null;
    if (big) bigFileId = big.id;
    const pairs = filingsOf(profile, year, fileIds, big, r);
    fileDocuments(profile, pairs, notations);
    closeAndHandOver(profile, year, options.thisYear);
    files += fileIds.length;
    filings += pairs.length;
    log(`case files of ${year}: ${fileIds.length} files, ${pairs.length} filings`);
  });
  return { plans: years.length, files, filings, bigFileId };
}
