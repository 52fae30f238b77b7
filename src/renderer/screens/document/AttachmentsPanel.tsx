import { useState } from 'react';
import type { AttachmentRecord, DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { SignatureKind } from '../../../shared/domain/signature-kinds.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { refreshAfter, write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { FilePicker } from '../../components/FilePicker.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDateTime } from '../../util/dates.ts';
import { base64ToBlob, fileToBase64, saveBlob } from '../../util/files.ts';
import { showBytes } from '../../util/format.ts';
import type { SignFile } from '../signing/BatchList.tsx';
import { SignDialog } from '../signing/SignDialog.tsx';
import { isPdf, revisionName } from '../signing/signing-words.ts';
import { FileVerification } from '../signing/FileVerification.tsx';

interface AttachmentsPanelProps {
  readonly documentId: number;
  readonly direction: DocumentRecord['direction'];
  readonly attachments: readonly AttachmentRecord[];
  readonly onStart: () => void;
  readonly onChanged: () => void;
}

type Message = { readonly tone: 'error' | 'success'; readonly text: string };

// Attaches the chosen files one by one and says how far it got: the files attached leave the
// picker (and show in the list), the one that failed and those after it stay, so "Đính kèm" again
// carries on from there instead of attaching the first ones twice. The document is read again
// once, after the last file.
async function attachAll(documentId: number, files: readonly File[]): Promise<{ attached: number; failure: string | null }> {
  try {
    for (const [i, f] of files.entries()) {
      try {
        await call('documents.addAttachment', { documentId, name: f.name, dataBase64: await fileToBase64(f) });
      } catch (e) {
        return { attached: i, failure: `Tệp "${f.name}" chưa đính kèm được: ${errorMessage(e)}` };
      }
    }
    return { attached: files.length, failure: null };
  } finally {
    await refreshAfter('documents.addAttachment');
  }
}

// The signature a file of an outgoing document most likely needs next (signing.md "The
// workflow"): a draft is approved, an approved or numbered one issued; anything else is signed as
// an attachment. The clerk can choose another. Files of incoming documents are another agency's:
// they are never signed here (Art. 33.2), only copied in "Sao văn bản" (docs/copies.md).
function nextKind(a: AttachmentRecord): SignatureKind {
  if (a.revisionKind === 'approval' || a.revisionKind === 'number') return 'agency';
  if (a.revisionKind === null) return 'approval';
  return 'attachment';
}

// The number and date go into a draft or its approved version, never into an issued file.
function canNumber(direction: DocumentRecord['direction'], a: AttachmentRecord): boolean {
  return direction === 'outgoing' && (a.revisionKind === null || a.revisionKind === 'approval');
}

export function AttachmentsPanel({ documentId, direction, attachments, onStart, onChanged }: AttachmentsPanelProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [signing, setSigning] = useState<{ files: SignFile[]; kind: SignatureKind } | null>(null);
  const [verifying, setVerifying] = useState<AttachmentRecord | null>(null);
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

  const canSign = direction === 'outgoing';
  const signable = canSign ? attachments.filter((a) => a.present && isPdf(a)) : [];
  const toSign = (a: AttachmentRecord): SignFile => ({ documentId, sha256: a.sha256, name: a.name, revisionKind: a.revisionKind });
  const openSigning = (chosen: readonly AttachmentRecord[]) => {
    const first = chosen[0];
    if (!first) return;
    onStart();
    setMessage(null);
    setSigning({ files: chosen.map(toSign), kind: nextKind(first) });
  };
  const tick = (sha256: string, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(sha256);
      else next.delete(sha256);
      return next;
    });

  const number = (a: AttachmentRecord) =>
    run(async () => {
      onStart();
      setMessage(null);
      try {
        const made = await write('signing.number', { documentId, sha256: a.sha256 });
        setMessage({ tone: 'success', text: `Đã ghi số, ngày vào tệp mới "${made.name}".` });
        onChanged();
      } catch (e) {
        setMessage({ tone: 'error', text: `Chưa ghi được số, ngày vào "${a.name}": ${errorMessage(e)}` });
      }
    });

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
              <th scope="col">
                <span className="visually-hidden">Chọn để ký</span>
              </th>
              <th scope="col">Tên tệp</th>
              <th scope="col">Bản</th>
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
                <td>
                  {canSign && a.present && isPdf(a) ? (
                    <input type="checkbox" aria-label={`Chọn ${a.name} để ký`} checked={ticked.has(a.sha256)} onChange={(e) => tick(a.sha256, e.target.checked)} />
                  ) : null}
                </td>
                <td>{a.name}</td>
                <td>{revisionName(a)}</td>
                <td>{showBytes(a.size)}</td>
                <td>{showDateTime(a.addedAt)}</td>
                <td>{a.present ? 'Có' : <span className="badge badge--overdue">Thiếu tệp</span>}</td>
                <td className="row-actions">
                  <button type="button" className="button button--quiet" onClick={() => void download(a)} disabled={!a.present}>
                    Tải về
                  </button>
                  {a.present && isPdf(a) ? (
                    <>
                      {canSign ? (
                        <button type="button" className="button button--quiet" onClick={() => openSigning([a])} disabled={busy}>
                          Ký số…
                        </button>
                      ) : null}
                      {canNumber(direction, a) ? (
                        <button type="button" className="button button--quiet" onClick={() => void number(a)} disabled={busy}>
                          Ghi số, ngày
                        </button>
                      ) : null}
                      <button type="button" className="button button--quiet" onClick={() => setVerifying(a)}>
                        Kiểm tra chữ ký
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {signable.length > 1 ? (
        <button
          type="button"
          className="button"
          disabled={busy || !signable.some((a) => ticked.has(a.sha256))}
          onClick={() => openSigning(signable.filter((a, i) => ticked.has(a.sha256) && signable.findIndex((b) => b.sha256 === a.sha256) === i))}
        >
          Ký số các tệp đã chọn…
        </button>
      ) : null}
      {verifying ? (
        <FileVerification
          key={verifying.sha256}
          file={{ documentId }}
          sha256={verifying.sha256}
          fileName={verifying.name}
          onClose={() => setVerifying(null)}
        />
      ) : null}
      {signing ? (
        <SignDialog
          files={signing.files}
          defaultKind={signing.kind}
          onClose={() => setSigning(null)}
          onSigned={() => {
            setTicked(new Set());
            onChanged();
          }}
        />
      ) : null}
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
