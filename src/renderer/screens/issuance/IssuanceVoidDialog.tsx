import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { call } from '../../api/client.ts';
import { VoidReasonDialog } from '../../components/VoidReasonDialog.tsx';

interface IssuanceVoidDialogProps {
  readonly record: IssuanceRecord;
  readonly onClose: () => void;
  readonly onVoided: (record: IssuanceRecord) => void;
}

// Hủy a numbered document of the workflow: its number stays in the outgoing register as void,
// never given again, and what was waiting to be sent is not sent.
export function IssuanceVoidDialog({ record, onClose, onVoided }: IssuanceVoidDialogProps) {
  return (
    <VoidReasonDialog
      title={`Hủy văn bản ${record.codeNumber ?? ''}/${record.codeNotation ?? ''}`}
      explanation={<p>Số đã cấp vẫn nằm trong sổ văn bản đi với dấu "Đã hủy" và lý do, không bao giờ được dùng lại; văn bản đang chờ gửi sẽ không được gửi.</p>}
      voidWith={(reason) => call('issuance.void', { id: record.id, reason })}
      onClose={onClose}
      onVoided={onVoided}
    />
  );
}
