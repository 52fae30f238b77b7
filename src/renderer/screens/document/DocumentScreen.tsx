import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { DocumentBadges } from '../../components/badges.tsx';
import { Notice } from '../../components/Notice.tsx';
import { documentName } from '../../util/labels.ts';
import { CopiesPanel } from '../copies/CopiesPanel.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { CaseFilesPanel } from './CaseFilesPanel.tsx';
import { DocumentAudit } from './DocumentAudit.tsx';
import { DocumentFields } from './DocumentFields.tsx';
import { EditDocumentForm } from './EditDocumentForm.tsx';
import { ProcessingPanel } from './ProcessingPanel.tsx';
import { RepliesPanel } from './RepliesPanel.tsx';
import { VoidDialog } from './VoidDialog.tsx';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function DocumentScreen({ id }: { readonly id: number }) {
  const { navigate } = useApp();
  const query = useQuery(apiQuery('documents.get', { id }));
  const doc = query.data;
  // A failed (re)load is shown above whatever copy of the document is on screen.
  const error = query.error ? `Chưa tải được văn bản: ${errorMessage(query.error)}` : null;
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const rescueFocus = useFocusRescue();

  // A change's write reads the document (and its audit entries) again before it returns, so the
  // confirmation appears with the fresh copy; a notice from an earlier change goes as soon as
  // another one starts. The focus, if it went with a closed form or a button that no longer
  // applies, moves to the heading.
  const startChange = () => setNotice(null);
  const changed = (message: string | null) => {
    setNotice(message);
    rescueFocus();
  };

  if (!doc) return <section className="screen">{error ? <Notice tone="error">{error}</Notice> : <p>Đang tải…</p>}</section>;
  const back = () => navigate({ name: 'list', direction: doc.direction });
  return (
    <section className="screen screen--document" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          {capitalise(documentName(doc))} <DocumentBadges doc={doc} />
        </h1>
        <div className="screen__actions">
          <button type="button" className="button" onClick={back}>
            Về sổ
          </button>
          {doc.status === 'active' && !editing ? (
            <>
              <button
                type="button"
                className="button"
                onClick={() => {
                  startChange();
                  setEditing(true);
                }}
              >
                Sửa thông tin
              </button>
              <button
                type="button"
                className="button button--danger"
                onClick={() => {
                  startChange();
                  setVoiding(true);
                }}
              >
                Hủy văn bản
              </button>
            </>
          ) : null}
        </div>
      </header>
      {error ? (
        <Notice tone="error">
          {error}{' '}
          <button type="button" className="button button--quiet" onClick={() => void query.refetch()}>
            Tải lại
          </button>
        </Notice>
      ) : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {editing ? (
        <EditDocumentForm
          doc={doc}
          onCancel={() => {
            setEditing(false);
            rescueFocus();
          }}
          onSaved={() => {
            setEditing(false);
            changed('Đã lưu sửa đổi.');
          }}
        />
      ) : (
        <DocumentFields doc={doc} />
      )}
      {doc.direction === 'incoming' && doc.status === 'active' ? (
        <ProcessingPanel doc={doc} onStart={startChange} onSaved={() => changed('Đã lưu thông tin xử lý.')} />
      ) : null}
      <RepliesPanel of={{ doc }} onStart={startChange} onChanged={changed} />
      <CaseFilesPanel documentId={doc.id} onStart={startChange} onChanged={changed} />
      <AttachmentsPanel documentId={doc.id} direction={doc.direction} attachments={doc.attachments} onStart={startChange} onChanged={() => changed(null)} />
      <CopiesPanel documentId={doc.id} active={doc.status === 'active'} onStart={startChange} onChanged={() => changed(null)} />
      <DocumentAudit documentId={doc.id} />
      {voiding ? (
        <VoidDialog
          doc={doc}
          onClose={() => setVoiding(false)}
          onVoided={() => {
            setVoiding(false);
            changed('Đã hủy văn bản. Văn bản vẫn nằm trong sổ với lý do hủy.');
          }}
        />
      ) : null}
    </section>
  );
}
