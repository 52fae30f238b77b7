import type { FiledDocument } from '../../../shared/api/schemas/casefiles.ts';
import { useApp } from '../../app/app-context.ts';
import { showDate } from '../../util/dates.ts';

interface FiledDocumentsProps {
  readonly documents: readonly FiledDocument[];
  // Offered while the file is open: the server refuses it otherwise, with its reason.
  readonly onWithdraw?: ((d: FiledDocument) => void) | undefined;
  readonly busy: boolean;
}

const nameOf = (d: FiledDocument) => (d.direction === 'incoming' ? `văn bản đến số ${d.number}/${d.year}` : `văn bản đi số ${d.numberNotation}`);

const pagesOf = (d: FiledDocument) => (d.pageFrom === null ? '' : d.pageFrom === d.pageTo ? String(d.pageFrom) : `${d.pageFrom}–${d.pageTo ?? ''}`);

// The file's documents in DocOrdinal order (by their own date, then registration), with the pages
// they take in the file as the mục lục lists them; each opens its document.
export function FiledDocuments({ documents, onWithdraw, busy }: FiledDocumentsProps) {
  const { navigate } = useApp();
  if (documents.length === 0) return <p className="muted">Hồ sơ chưa có văn bản nào. Đưa văn bản vào hồ sơ từ màn hình của văn bản (mục "Hồ sơ").</p>;
  return (
    <table className="table" data-testid="filed-documents">
      <thead>
        <tr>
          <th scope="col">STT</th>
          <th scope="col">Số, ký hiệu</th>
          <th scope="col">Ngày văn bản</th>
          <th scope="col">Tên loại và trích yếu nội dung</th>
          <th scope="col">Tác giả</th>
          <th scope="col">Tờ số</th>
          <th scope="col">
            <span className="visually-hidden">Thao tác</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr key={d.documentId} className={d.status === 'void' ? 'row--void' : undefined}>
            <td>{d.docOrdinal}</td>
            <td>{d.numberNotation}</td>
            <td>{showDate(d.documentDate)}</td>
            <td>
              <button type="button" className="link-button" onClick={() => navigate({ name: 'document', id: d.documentId })}>
                {d.documentTypeName}: {d.subject}
              </button>
              {d.status === 'void' ? <span className="badge badge--void">Đã hủy</span> : null}
            </td>
            <td>{d.issuingAgency}</td>
            <td>{pagesOf(d)}</td>
            <td className="row-actions">
              {onWithdraw ? (
                <button type="button" className="button button--quiet" disabled={busy} aria-label={`Rút khỏi hồ sơ: ${nameOf(d)}`} onClick={() => onWithdraw(d)}>
                  Rút khỏi hồ sơ
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
