import { useState } from 'react';
import type { IssuanceRecord } from '../../../shared/api/schemas/issuance.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { base64ToBlob, saveBlob } from '../../util/files.ts';
import { showBytes } from '../../util/format.ts';
import { FileVerification } from '../signing/FileVerification.tsx';
import { FILE_ROLE_NAMES, FILE_STEP_NAMES } from './issuance-words.ts';

type IssuanceFile = IssuanceRecord['files'][number];

// The files each step made (dự thảo, bản đã ký duyệt, bản đã ghi số, bản đã ký phát hành), main
// file and attachments, each downloadable and verifiable at every step: the leader's approval
// can be checked before the number is taken.
export function IssuanceFiles({ record }: { readonly record: IssuanceRecord }) {
  const [verifying, setVerifying] = useState<IssuanceFile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const download = async (f: IssuanceFile) => {
    setFailure(null);
    try {
      const content = await call('issuance.readFile', { id: record.id, sha256: f.sha256 });
      saveBlob(base64ToBlob(content.dataBase64, 'application/pdf'), content.name);
    } catch (e) {
      setFailure(`Không tải được "${f.name}": ${errorMessage(e)}`);
    }
  };

  return (
    <section className="panel" aria-labelledby="issuance-files-title">
      <h2 id="issuance-files-title">Tệp của văn bản</h2>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <table className="table issuance-files">
        <thead>
          <tr>
            <th scope="col">Tệp</th>
            <th scope="col">Loại</th>
            <th scope="col">Bản</th>
            <th scope="col">Dung lượng</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {record.files.map((f) => (
            <tr key={f.id}>
              <td>{f.name}</td>
              <td>{FILE_ROLE_NAMES[f.role]}</td>
              <td>{FILE_STEP_NAMES[f.step]}</td>
              <td>{f.present ? showBytes(f.size) : 'Thiếu tệp'}</td>
              <td className="issuance-files__actions">
                {f.present ? (
                  <>
                    <button type="button" className="button button--quiet" onClick={() => void download(f)}>
                      Tải về
                    </button>
                    <button type="button" className="button button--quiet" onClick={() => setVerifying(f)}>
                      Kiểm tra chữ ký
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {verifying ? (
        <FileVerification key={verifying.sha256} file={{ issuanceId: record.id }} sha256={verifying.sha256} fileName={verifying.name} onClose={() => setVerifying(null)} />
      ) : null}
    </section>
  );
}
