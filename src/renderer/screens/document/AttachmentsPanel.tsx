import { useState } from 'react';
import type { AttachmentRecord } from '../../../shared/api/schemas/documents.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { showDateTime } from '../../util/dates.ts';
import { base64ToBlob, fileToBase64, saveBlob } from '../../util/files.ts';
import { showBytes } from '../../util/format.ts';

interface AttachmentsPanelProps {
  readonly documentId: number;
  readonly attachments: readonly AttachmentRecord[];
  readonly onChanged: () => void;
}

export function AttachmentsPanel({ documentId, attachments, onChanged }: AttachmentsPanelProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [box, setBox] = useState(0);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (a: AttachmentRecord) => {
    try {
      const content = await call('documents.readAttachment', { documentId, sha256: a.sha256 });
      saveBlob(base64ToBlob(content.dataBase64), content.name);
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  const attach = async () => {
    setBusy(true);
    try {
      for (const f of files) await call('documents.addAttachment', { documentId, name: f.name, dataBase64: await fileToBase64(f) });
      setMessage({ tone: 'success', text: `Đã đính kèm ${files.length} tệp.` });
      setFiles([]);
      setBox((n) => n + 1);
      onChanged();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Tệp đính kèm</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {attachments.length === 0 ? (
        <p className="muted">Chưa có tệp nào.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Tên tệp</th>
              <th scope="col">Dung lượng</th>
              <th scope="col">Đính kèm lúc</th>
              <th scope="col">Tình trạng</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <tr key={`${a.sha256}-${a.name}`}>
                <td>{a.name}</td>
                <td>{showBytes(a.size)}</td>
                <td>{showDateTime(a.addedAt)}</td>
                <td>{a.present ? 'Có' : <span className="badge badge--overdue">Thiếu tệp</span>}</td>
                <td>
                  <button type="button" className="button button--quiet" onClick={() => void download(a)} disabled={!a.present}>
                    Tải về
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FilePicker key={box} label="Thêm tệp" files={files} onChange={setFiles} />
      <button type="button" className="button" disabled={files.length === 0 || busy} onClick={() => void attach()}>
        Đính kèm
      </button>
    </section>
  );
}
