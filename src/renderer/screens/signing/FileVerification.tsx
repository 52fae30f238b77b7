import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { VerificationPanel } from './VerificationPanel.tsx';

// The stored file to check: an attachment of a registered document, or a file of the issuance
// workflow at any step (before numbering it has no document yet).
export type StoredFile = { readonly documentId: number; readonly issuanceId?: never } | { readonly issuanceId: number; readonly documentId?: never };

interface FileVerificationProps {
  readonly file: StoredFile;
  readonly sha256: string;
  readonly fileName: string;
  readonly onClose: () => void;
}

// Kiểm tra chữ ký of a stored file: signing.verify or issuance.verifyFile, read again after the
// trust anchors change (write.ts).
export function FileVerification({ file, sha256, fileName, onClose }: FileVerificationProps) {
  // Both operations answer with the same verification report.
  const options: ReturnType<typeof apiQuery<'signing.verify'>> =
    file.issuanceId === undefined
      ? apiQuery('signing.verify', { documentId: file.documentId, sha256 })
      : (apiQuery('issuance.verifyFile', { id: file.issuanceId, sha256 }) as unknown as ReturnType<typeof apiQuery<'signing.verify'>>);
  const check = useQuery(options);
  return <VerificationPanel report={check.data ?? null} error={check.error ? errorMessage(check.error) : null} fileName={fileName} onClose={onClose} />;
}
