import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FIELD_LABELS } from '../../../shared/api/field-labels.ts';
import { PREFILL_FIELDS } from '../../../shared/api/schemas/prefill.ts';
import { AppError } from '../../../shared/errors.ts';
import { createOcrEngine } from '../../ocr/ocr-engine.ts';
import { proposeFromScan } from '../../ocr/propose-from-scan.ts';
import { MAX_SCAN_BYTES, recogniseScan } from '../../ocr/recognise.ts';
import { programResources } from '../../program/resources.ts';
import { writeFileDurably } from '../../files/durable-fs.ts';
import { keepScanText } from '../../ocr/keep-scan-text.ts';
import { optional, parse } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu ocr FILE [--json] [--searchable OUT.pdf] [--profile DIR]`: the text of a scan (PNG,
// JPEG, TIFF or scanned PDF) recognised offline, and the incoming register's fields proposed
// from it by the same rules as `vanthu propose` (docs/ocr.md). `--searchable` writes the scan as a
// PDF with the text under its pages; `--profile` keeps the text (and that PDF) in the profile, so
// that registering the same file (`incoming add`) makes it searchable, as the form does. Progress
// per page goes to stderr; Ctrl+C stops. Exit 0 when text was recognised, 1 when none was, 2 for
// a file that is not a readable scan.
export async function ocr(args: string[]): Promise<CommandResult> {
  const p = parse(args, { searchable: { type: 'string' } }, true);
  const searchableOut = optional(p, 'searchable');
  const [file, ...extra] = p.positionals;
  if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', 'Cần đúng một tệp ảnh quét hoặc PDF: vanthu ocr FILE', 'usage: vanthu ocr FILE');
  let bytes: Uint8Array;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > MAX_SCAN_BYTES) throw new AppError('INVALID_INPUT', `Tệp ${file} lớn quá ${MAX_SCAN_BYTES / 1024 / 1024} MB.`, `scan of ${stat.size} bytes`);
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', `Không đọc được tệp ${file}.`, `cannot read ${file}: ${(e as Error).message}`);
  }
  const engine = createOcrEngine({ modelDir: join(programResources().dir, 'ocr') });
  const stop = new AbortController();
  const interrupt = (): void => stop.abort(new AppError('INTERNAL', 'Đã dừng nhận dạng chữ.', 'OCR interrupted'));
  process.once('SIGINT', interrupt);
  try {
    const doc = await recogniseScan(basename(file), bytes, {
      engine,
      signal: stop.signal,
      searchablePdf: searchableOut !== undefined,
      onProgress: (pr) => {
        if (pr.pageFraction === 1) process.stderr.write(`Trang ${pr.page}/${pr.pages}: xong.\n`);
      },
    });
    const fields = proposeFromScan(doc);
    if (searchableOut && doc.searchablePdf) writeFileDurably(searchableOut, doc.searchablePdf, `${searchableOut}.${process.pid}.tmp`);
    const kept =
      typeof p.values.profile === 'string' && fields.status === 'read'
        ? await withProfile(p, (profile) => keepScanText(profile, createHash('sha256').update(bytes).digest('hex'), doc))
        : null;
    const proposed = PREFILL_FIELDS.flatMap((f) => {
      const proposal = fields.proposals[f];
      return proposal ? [`${FIELD_LABELS[f] ?? f}: ${proposal.value}`] : [];
    });
    const pages = doc.pages.map((page) => `--- Trang ${page.index + 1}${page.status === 'no-image' ? ' (không có ảnh quét)' : ` (${page.dpi} dpi${page.dpiAssumed ? ', coi như khổ A4' : ''}, độ tin cậy ${Math.round(page.confidence)}%)`} ---\n${page.text.trim()}`);
    const text = [...pages, '--- Đề xuất ---', ...[fields.messageVi, ...proposed].filter((l) => l !== null)].join('\n') || 'Không có đề xuất.';
    const notes = [searchableOut && doc.searchablePdf ? `Đã ghi bản PDF tìm được chữ: ${searchableOut}` : null, kept ? 'Đã lưu chữ nhận dạng vào hồ sơ: khi vào sổ tệp này, văn bản tìm được theo chữ trong bản quét.' : null].filter((l) => l !== null);
    const { searchablePdf: _pdf, ...recognised } = doc;
    return {
      json: { kind: recognised.kind, pages: recognised.pages, fields, searchablePdf: searchableOut && doc.searchablePdf ? searchableOut : null, kept: kept !== null },
      text: [text, ...notes].join('\n'),
      ...(fields.status === 'read' ? {} : { exitCode: 1 }),
    };
  } finally {
    process.removeListener('SIGINT', interrupt);
    await engine.close();
  }
}
