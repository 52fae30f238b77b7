import type { CorrectionRelation, DraftPlaceholders, IssuanceCreateData, IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import { isCopyType, resolveType } from '../../shared/domain/document-types.ts';
import { priorityCode } from '../../shared/domain/priority.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { type StagedFile, stageFile } from '../registry/attachments.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { getDocument } from '../registry/documents.ts';
import { previewOutgoingNumber } from '../registry/outgoing.ts';
import { issuanceRecord } from './issuance-repo.ts';
import { issuanceSettingsOf } from './issuance-settings.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

export interface DraftFile {
  readonly name: string;
  readonly data: Uint8Array;
}

// What a new draft is made of: the form's fields, the draft PDF and its separate attachments.
// `render` is the hook for drafts rendered by the drafting module: the draft JSON it was
// rendered from, kept with the draft; placeholders may come with either source.
export interface NewIssuance extends Omit<IssuanceCreateData, 'main' | 'attachments'> {
  readonly main: DraftFile;
  readonly attachments: readonly DraftFile[];
  readonly placeholders: DraftPlaceholders | null;
  readonly render?: { readonly draftJson: unknown } | null;
  readonly correction?: { readonly documentId: number; readonly relation: CorrectionRelation } | null;
}

function invalid(path: string, vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en, { issues: [{ path, message: vi }] });
}

const PDF_MAGIC = Buffer.from('%PDF-');

// The workflow signs every file, and only PDFs can carry a signature.
function pdfFile(file: DraftFile, path: string): DraftFile {
  if (!Buffer.from(file.data.subarray(0, 1024)).includes(PDF_MAGIC)) {
    throw invalid(path, `Tệp "${file.name}" không phải PDF: văn bản và văn bản kèm theo phải là PDF để ký số.`, `${file.name} is not a PDF`);
  }
  return file;
}

// Everything that can be refused is refused before anything is written: the type and unit the
// numbering will need, secrecy against the profile's clearance, the files, the original of a
// correction.
function check(ctx: RegistryContext, input: NewIssuance): { key: string; name: string } {
  const type = resolveType(input.documentType);
  if (type.known && isCopyType(type.key)) {
    throw invalid('documentType', 'Bản sao không phát hành qua quy trình này: hãy dùng chức năng sao y.', `copy type ${type.key} in the issuance workflow`);
  }
  // The same checks the numbering step makes, now rather than after the leader has signed.
  previewOutgoingNumber(ctx, { documentType: input.documentType, documentDate: null, unitAbbreviation: input.unitAbbreviation });
  if (input.secrecy !== 'none' && !issuanceSettingsOf(ctx).allowSecretDrafts) {
    throw new AppError(
      'FORBIDDEN',
      'Văn bản mật không được soạn thảo trên máy này: theo Luật Bảo vệ bí mật nhà nước, chỉ soạn trên máy được phép (không nối mạng) và đã bật "Cho phép soạn văn bản mật".',
      `secret draft (${input.secrecy}) refused: allowSecretDrafts is off`,
    );
  }
  const organIds = input.recipients.map((r) => r.organId).filter((o): o is string => o !== null);
  const repeated = organIds.find((o, i) => organIds.indexOf(o) !== i);
  if (repeated) throw invalid('recipients', `Mã định danh ${repeated} có hai lần trong nơi nhận.`, `recipient organId ${repeated} repeated`);
  if (input.correction) {
    const original = getDocument(ctx, input.correction.documentId);
    if (original.direction !== 'outgoing') {
      throw invalid('originalDocumentId', 'Chỉ sửa đổi, thay thế hoặc đính chính được văn bản đi của cơ quan.', `original ${original.id} is ${original.direction}`);
    }
    if (original.status === 'void') {
      throw new AppError('CONFLICT', `Văn bản ${numberNotation(original)} đã bị hủy: không sửa đổi hay đính chính được.`, `original ${original.id} is void`);
    }
    if (input.correction.relation === 'corrects' && type.key !== 'cong-van') {
      throw invalid('documentType', 'Lỗi thể thức được đính chính bằng công văn: hãy chọn loại Công văn.', `corrects needs cong-van, got ${type.key}`);
    }
  }
  return { key: type.key, name: type.name };
}

export function createIssuance(ctx: RegistryContext, input: NewIssuance): IssuanceRecord {
  const type = check(ctx, input);
  const main = pdfFile(input.main, 'main');
  const attachments = input.attachments.map((a, i) => pdfFile(a, `attachments.${i}`));
  // The bytes are durable before the rows that refer to them commit (docs/data-safety.md).
  const staged: Array<{ file: StagedFile; role: 'main' | 'attachment' }> = [
    { file: stageFile(ctx, main.name, main.data), role: 'main' },
    ...attachments.map((a) => ({ file: stageFile(ctx, a.name, a.data), role: 'attachment' as const })),
  ];
  const id = writeTransaction(ctx.db, () => {
    const at = timestamp(ctx.clock);
    const newId = Number(
      statement(
        ctx.db,
        `INSERT INTO issuances (source, document_type, document_type_name, subject, unit_abbreviation, signer_name, signer_position,
           signer_competence, priority, secrecy, archive_text, copies, notes, draft_json, placeholders_json, related_document_id, relation,
           created_at, updated_at)
         VALUES (@source, @documentType, @documentTypeName, @subject, @unit, @signerName, @signerPosition, @signerCompetence, @priority,
           @secrecy, @archive, @copies, @notes, @draftJson, @placeholders, @related, @relation, @at, @at)`,
      ).run({
        source: input.render ? 'render' : 'import',
        documentType: type.key,
        documentTypeName: type.name,
        subject: input.subject,
        unit: input.unitAbbreviation,
        signerName: input.signerName,
        signerPosition: input.signerPosition,
        signerCompetence: input.signerCompetence,
        priority: priorityCode(input.priority),
        secrecy: input.secrecy,
        archive: input.archive,
        copies: input.copies,
        notes: input.notes,
        draftJson: input.render ? JSON.stringify(input.render.draftJson) : null,
        placeholders: input.placeholders ? JSON.stringify(input.placeholders) : null,
        related: input.correction?.documentId ?? null,
        relation: input.correction?.relation ?? null,
        at,
      }).lastInsertRowid,
    );
    const recipient = statement(ctx.db, 'INSERT INTO issuance_recipients (issuance_id, position, name, organ_id) VALUES (?, ?, ?, ?)');
    input.recipients.forEach((r, i) => recipient.run(newId, i, r.name, r.organId));
    const file = statement(ctx.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)');
    const link = statement(ctx.db, "INSERT INTO issuance_files (issuance_id, sha256, name, role, step, added_at) VALUES (?, ?, ?, ?, 'draft', ?)");
    for (const s of staged) {
      file.run(s.file.sha256, s.file.size, at);
      link.run(newId, s.file.sha256, s.file.name, s.role, at);
    }
    ctx.audit.append({
      action: input.correction ? 'issuance.correct' : 'issuance.create',
      entityType: 'issuance',
      entityId: newId,
      details: {
        documentType: type.key,
        subject: input.subject,
        secrecy: input.secrecy,
        source: input.render ? 'render' : 'import',
        files: staged.map((s) => ({ role: s.role, name: s.file.name, sha256: s.file.sha256 })),
        ...(input.correction ? { original: input.correction.documentId, relation: input.correction.relation } : {}),
      },
    });
    return newId;
  });
  return issuanceRecord(ctx, id);
}
