import { useCallback, useEffect, useState } from 'react';
import type { DocumentDetail, DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { DocumentBadges } from '../../components/badges.tsx';
import { Notice } from '../../components/Notice.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { DocumentAudit } from './DocumentAudit.tsx';
import { DocumentFields } from './DocumentFields.tsx';
import { EditDocumentForm } from './EditDocumentForm.tsx';
import { ProcessingPanel } from './ProcessingPanel.tsx';
import { VoidDialog } from './VoidDialog.tsx';

function heading(d: DocumentRecord): string {
  return d.direction === 'incoming' ? `Văn bản đến số ${d.number}/${d.year}` : `Văn bản đi ${d.codeNumber}/${d.codeNotation}`;
}

export function DocumentScreen({ id }: { readonly id: number }) {
  const { navigate } = useApp();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    () =>
      call('documents.get', { id })
        .then((d) => {
          setDoc(d);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => setError(errorMessage(e))),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  // The confirmation appears with the reloaded document, never above the old one.
  const saved = (message: string) => () => {
    void load().then(() => setNotice(message));
  };

  if (!doc) return <section className="screen">{error ? <Notice tone="error">{error}</Notice> : <p>Đang tải…</p>}</section>;
  const back = () => navigate({ name: 'list', direction: doc.direction });
  return (
    <section className="screen screen--document" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          {heading(doc)} <DocumentBadges doc={doc} />
        </h1>
        <div className="screen__actions">
          <button type="button" className="button" onClick={back}>
            Về sổ
          </button>
          {doc.status === 'active' && !editing ? (
            <>
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Sửa thông tin
              </button>
              <button type="button" className="button button--danger" onClick={() => setVoiding(true)}>
                Hủy văn bản
              </button>
            </>
          ) : null}
        </div>
      </header>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {editing ? (
        <EditDocumentForm
          doc={doc}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            saved('Đã lưu sửa đổi.')();
          }}
        />
      ) : (
        <DocumentFields doc={doc} />
      )}
      {doc.direction === 'incoming' && doc.status === 'active' ? (
        <ProcessingPanel key={version} doc={doc} onSaved={saved('Đã lưu thông tin xử lý.')} />
      ) : null}
      <AttachmentsPanel documentId={doc.id} attachments={doc.attachments} onChanged={() => void load()} />
      <DocumentAudit documentId={doc.id} version={version} />
      {voiding ? (
        <VoidDialog
          doc={doc}
          onClose={() => setVoiding(false)}
          onVoided={() => {
            setVoiding(false);
            saved('Đã hủy văn bản. Văn bản vẫn nằm trong sổ với lý do hủy.')();
          }}
        />
      ) : null}
    </section>
  );
}
