import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { businessKindOf } from '../../edxml/model.ts';
import { readPackage, type ReadPackageResult } from '../../edxml/read-package.ts';
import { parse } from '../args.ts';
import type { CommandResult } from '../context.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

const BUSINESS_VI = { new: 'văn bản mới', revoke: 'thu hồi', update: 'cập nhật', replace: 'thay thế' } as const;

function summary(file: string, r: ReadPackageResult): { json: unknown; text: string } {
  const attachments = r.attachments.map(({ storedPath: _stored, ...a }) => a);
  const business = r.trace.business;
  const kind = business ? businessKindOf(business.businessDocType) : r.kind === 'document' ? 'new' : null;
  const json = { file, refused: false, kind: r.kind, businessType: kind, header: r.header, trace: r.trace, manifest: r.manifest, attachments };
  const lines =
    r.kind === 'document'
      ? [
          `${basename(file)}: gói văn bản (${BUSINESS_VI[kind ?? 'new']}) từ ${r.header.from.organId} ${r.header.from.organName}`.trimEnd(),
          `  Số, ký hiệu: ${numberNotation(r.header.code)}; ngày ban hành: ${r.header.promulgation.date ?? 'không rõ'}`,
          `  Mã văn bản (DocumentId): ${r.header.documentId}`,
          `  Trích yếu: ${r.header.subject}`,
          `  Nơi nhận: ${r.header.to.map((t) => t.organId).join(', ') || 'không có'}`,
        ]
      : [
          `${basename(file)}: gói trạng thái ${r.header.statusCode} từ ${r.header.from.organId} ${r.header.from.organName}`.trimEnd(),
          `  Cho văn bản: ${r.header.responseFor.documentId} (${r.header.responseFor.code})`,
          `  Mô tả: ${r.header.description}`,
        ];
  lines.push(`  Đã qua: ${r.trace.traceHeaders.map((t) => `${t.organId} lúc ${t.timestamp ?? '?'}`).join('; ') || 'không có'}`);
  for (const a of attachments) lines.push(`  Tệp đính kèm: ${a.name} (${a.size} byte${a.zipped ? ', đã giải nén' : ''}) SHA-256 ${a.sha256}`);
  return { json, text: lines.join('\n') };
}

// `vanthu edxml inspect FILE [--json]`: what a package holds, or why it is refused (exit 1).
// Attachments are decoded to a private temporary folder to measure and hash them, then deleted.
export async function edxmlInspect(args: string[]): Promise<CommandResult> {
  const p = parse(args, {}, true);
  const [file, ...extra] = p.positionals;
  if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', 'Cần đúng một tệp gói tin edXML cần xem.', `expected one file, got ${p.positionals.length}`);
  const path = resolve(file);
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-edxml-'));
  try {
    const { json, text } = summary(path, await readPackage(path, { outputDir: dir }));
    return { json, text };
  } catch (e) {
    if (!isAppError(e) || e.code !== 'EDXML_REFUSED') throw e;
    const reason = (e.data as { reason?: string } | undefined)?.reason ?? 'UNKNOWN';
    return {
      json: { file: path, refused: true, reasons: [{ reason, message: e.messageVi, detail: e.message }] },
      text: `${basename(path)}: ${e.messageVi}\n  (${reason}: ${e.message})`,
      exitCode: 1,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
