import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

export interface ElectronicRecipient {
  readonly organId: string;
  readonly name: string;
}

// Who the package goes to. Once the document is distributed its outbox rows are the truth (a
// voided document's unsent rows are cancelled and must not be addressed); before that, the
// issuance's recipients that have an agency identifier.
export function electronicRecipientsOf(ctx: RegistryContext, documentId: number, issuanceId: number | null): ElectronicRecipient[] {
  const outbox = statement(ctx.db, 'SELECT organ_id AS organId, recipient_name AS name, status FROM outbox WHERE document_id = ? ORDER BY id').all(documentId) as Array<
    ElectronicRecipient & { status: string }
  >;
  const chosen =
    outbox.length > 0
      ? outbox.filter((r) => r.status !== 'cancelled').map(({ organId, name }) => ({ organId, name }))
      : issuanceId === null
        ? []
        : (statement(ctx.db, 'SELECT organ_id AS organId, name FROM issuance_recipients WHERE issuance_id = ? AND organ_id IS NOT NULL ORDER BY position').all(
            issuanceId,
          ) as ElectronicRecipient[]);
  const unique = chosen.filter((r, i) => chosen.findIndex((x) => x.organId === r.organId) === i);
  if (unique.length === 0) {
    throw new AppError(
      'INVALID_INPUT',
      'Văn bản không có nơi nhận nào có mã định danh điện tử: không có ai để gửi qua trục liên thông (các nơi nhận khác gửi bản giấy).',
      `document ${documentId} has no electronic recipient`,
    );
  }
  return unique;
}

// ToPlaces: the "Nơi nhận" block as printed, one Place per line without its list punctuation,
// every recipient (electronic and paper) and the archive line last.
export function toPlacesOf(ctx: RegistryContext, issuanceId: number | null, archive: string | null, recipientsText: string | null): string[] {
  if (issuanceId !== null) {
    const names = statement(ctx.db, 'SELECT name FROM issuance_recipients WHERE issuance_id = ? ORDER BY position').pluck().all(issuanceId) as string[];
    return [...names, `Lưu: ${archive ?? 'VT'}`];
  }
  // A register row made without the workflow: its column 5 is the printed block.
  return (recipientsText ?? '')
    .split('\n')
    .map((line) => line.trim().replace(/^-\s*/, '').replace(/[;.]$/, '').trim())
    .filter((line) => line !== '');
}
