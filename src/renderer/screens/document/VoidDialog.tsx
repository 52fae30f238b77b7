import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { write } from '../../api/write.ts';
import { VoidReasonDialog } from '../../components/VoidReasonDialog.tsx';
import { documentName } from '../../util/labels.ts';

interface VoidDialogProps {
  readonly doc: DocumentRecord;
  readonly onClose: () => void;
  readonly onVoided: (doc: DocumentRecord) => void;
}

// Hủy văn bản: the row and its number stay in the register, marked void with the reason; the
// number is never given again (nd30-rules §2).
export function VoidDialog({ doc, onClose, onVoided }: VoidDialogProps) {
  return (
    <VoidReasonDialog
      title={`Hủy ${documentName(doc)}`}
      explanation={
        <p>
          Văn bản vẫn nằm trong sổ với dấu "Đã hủy" và lý do; số {doc.direction === 'outgoing' ? 'đã cấp' : 'đến'} không bao giờ được
          dùng lại. Việc hủy được ghi vào nhật ký.
        </p>
      }
      voidWith={(reason) => write('documents.void', { id: doc.id, reason })}
      onClose={onClose}
      onVoided={onVoided}
    />
  );
}
