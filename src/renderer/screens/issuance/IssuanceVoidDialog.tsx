import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { write } from '../../api/write.ts';
import { VoidReasonDialog } from '../../components/VoidReasonDialog.tsx';

interface IssuanceVoidDialogProps {
  readonly record: IssuanceRecord;
  readonly onClose: () => void;
  readonly onVoided: (record: IssuanceRecord) => void;
}

// Hủy a document of the workflow. Numbered: its number stays in the outgoing register as void,
// never given again, and what was waiting to be sent is not sent. Not yet numbered: the draft is
// withdrawn and no number is used.
export function IssuanceVoidDialog({ record, onClose, onVoided }: IssuanceVoidDialogProps) {
  const numbered = record.documentId !== null;
  return (
    <VoidReasonDialog
      title={numbered ? `Hủy văn bản ${record.codeNumber ?? ''}/${record.codeNotation ?? ''}` : 'Hủy dự thảo (chưa cấp số)'}
      explanation={
        numbered ? (
          <p>Số đã cấp vẫn nằm trong sổ văn bản đi với dấu "Đã hủy" và lý do, không bao giờ được dùng lại; văn bản đang chờ gửi sẽ không được gửi.</p>
        ) : (
          <p>Dự thảo không đi tiếp các bước và không dùng số nào của sổ; các tệp và lịch sử xử lý vẫn được giữ.</p>
        )
      }
      voidWith={(reason) => write('issuance.void', { id: record.id, reason })}
      onClose={onClose}
      onVoided={onVoided}
    />
  );
}
