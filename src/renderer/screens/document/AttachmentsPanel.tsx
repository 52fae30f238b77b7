import { useState } from 'react';
import type { AttachmentRecord } from '../../../shared/api/schemas/documents.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDateTime } from '../../util/dates.ts';
import { base64ToBlob, fileToBase64, saveBlob } from '../../util/files.ts';
import { showBytes } from '../../util/format.ts';

interface AttachmentsPanelProps {
  readonly documentId: number;
  readonly attachments: readonly AttachmentRecord[];
  readonly onStart: () => void;
  readonly onChanged: () => void;
}

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

// Attaches the chosen files one by one and says how far it got: the files attached leave the
// picker (and show in the list), the one that failed and those after it stay, so "Đính kèm" again
// carries on from there instead of attaching the first ones twice.
async function attachAll(documentId: number, files: readonly File[]): Promise<{ attached: number; failure: string | null }> {
  for (const [i, f] of files.entries()) {
    try {
      await call('documents.addAttachment', { documentId, name: f.name, dataBase64: await fileToBase64(f) });
    } catch (e) {
      return { attached: i, failure: `Tệp "${f.name}" chưa đính kèm được: ${errorMessage(e)}` };
    }
  }
  return { attached: files.length, failure: null };
}

export function AttachmentsPanel({ documentId, attachments, onStart, onChanged }: AttachmentsPanelProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [box, setBox] = useState(0);
  const [message, setMessage] = useState<Message | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(files.length > 0);

  const download = async (a: AttachmentRecord) => {
    try {
      const content = await call('documents.readAttachment', { documentId, sha256: a.sha256 });
      saveBlob(base64ToBlob(content.dataBase64), content.name);
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };

  const attach = () =>
    run(async () => {
      onStart();
      setMessage(null);
      const { attached, failure } = await attachAll(documentId, files);
      setFiles(files.slice(attached));
      // The native file box cannot hold part of a choice; what is left shows in the list below it.
      setBox((n) => n + 1);
      if (failure) {
        setMessage({ tone: 'error', text: attached > 0 ? `Đã đính kèm ${attached} tệp. ${failure}` : failure });
      } else {
        setMessage({ tone: 'success', text: `Đã đính kèm ${attached} tệp.` });
      }
      if (attached > 0) onChanged();
    });

  return (
    <section className="panel" aria-labelledby="attachments-title">
      <h2 id="attachments-title">Văn bản kèm theo</h2>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {attachments.length === 0 ? (
        <p className="muted">Chưa có văn bản kèm theo.</p>
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
            {attachments.map((a, i) => (
              // The same file may be attached twice under the same name.
              <tr key={`${a.sha256}-${i}`}>
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
      <FilePicker
        key={box}
        label="Thêm văn bản kèm theo"
        files={files}
        disabled={busy}
        onChange={(next) => {
          setFiles(next);
          setMessage(null);
        }}
      />
      <button type="button" className="button" disabled={files.length === 0 || busy} onClick={() => void attach()}>
        {busy ? 'Đang đính kèm…' : 'Đính kèm'}
      </button>
    </section>
  );
}
