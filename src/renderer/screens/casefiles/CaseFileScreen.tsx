import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseFileDetail, CaseFileRecord } from '../../../shared/api/schemas/casefiles.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { Notice } from '../../components/Notice.tsx';
import { type Printed, PrintedFile } from '../../components/PrintedFile.tsx';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate, showInstantDate } from '../../util/dates.ts';
import { CaseFileBadge } from './CaseFileBadge.tsx';
import { CaseFileFacts } from './CaseFileFacts.tsx';
import { closingWords, fileName } from './casefile-words.ts';
import { CloseFileDialog } from './CloseFileDialog.tsx';
import { FileDialog } from './FileDialog.tsx';
import { FiledDocuments } from './FiledDocuments.tsx';

type Dialogs = 'close' | 'reopen' | 'edit' | null;

function closedMessage(f: CaseFileRecord): string {
  return `Đã kết thúc ${fileName(f)}: ${closingWords(f) ?? ''}. Hạn nộp lưu: ${showDate(f.handoverDueDate)}.`;
}

// A frozen file says so and offers nothing that would change it.
function FrozenNotice({ file }: { readonly file: CaseFileDetail }) {
  const { navigate } = useApp();
  return (
    <Notice tone="info">
      <p data-testid="frozen-notice">
        {fileName(file)} đã nộp lưu vào Lưu trữ cơ quan ngày {showInstantDate(file.handedOverAt)}: hồ sơ và các văn bản trong hồ sơ không được sửa, rút ra hay
        thay tệp (Phụ lục VI, mục IV.1.g Nghị định 30/2020).
      </p>
      {file.handoverId !== null ? (
        <button type="button" className="button" onClick={() => navigate({ name: 'handover', id: file.handoverId ?? 0 })}>
          Xem lần nộp lưu
        </button>
      ) : null}
    </Notice>
  );
}

// One case file (docs/case-files.md): its fields, its documents in DocOrdinal order, closing
// (kết thúc: dates, DocTotal, PageTotal), reopening with a reason, and the mục lục văn bản
// (Appendix V IV). Open files are edited here and filled from the documents' screens.
export function CaseFileScreen({ id }: { readonly id: number }) {
  const { navigate } = useApp();
  const query = useQuery(apiQuery('caseFiles.detail', { id }));
  const file = query.data;
  const [dialog, setDialog] = useState<Dialogs>(null);
  const plan = useQuery({ ...apiQuery('caseFiles.plan', { year: file?.year ?? 0 }), enabled: dialog === 'edit' && file !== undefined });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const { busy, run } = useInFlight();
  const rescueFocus = useFocusRescue();

  if (!file) {
    return <section className="screen">{query.error ? <Notice tone="error">{`Chưa tải được hồ sơ: ${errorMessage(query.error)}`}</Notice> : <p>Đang tải…</p>}</section>;
  }
  const act = (work: () => Promise<string | null>) =>
    void run(async () => {
      setNotice(null);
      setError(null);
      try {
        setNotice(await work());
      } catch (err) {
        setError(errorMessage(err));
      }
      rescueFocus();
    });
  const open = (next: Dialogs) => {
    setNotice(null);
    setError(null);
    setDialog(next);
  };
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    rescueFocus();
  };
  const printContents = () =>
    act(async () => {
      setPrinted(null);
      setPrinted(await write('archive.printContents', { caseFileId: file.id }));
      return null;
    });

  return (
    <section className="screen screen--document" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          {fileName(file)} <CaseFileBadge status={file.status} />
        </h1>
        <div className="screen__actions">
          <button type="button" className="button" onClick={() => navigate({ name: 'case-files', year: file.year })}>
            Về danh mục năm {file.year}
          </button>
          {file.status === 'open' ? (
            <>
              <button type="button" className="button" onClick={() => open('edit')}>
                Sửa thông tin hồ sơ…
              </button>
              <button type="button" className="button button--primary" onClick={() => open('close')}>
                Kết thúc hồ sơ…
              </button>
            </>
          ) : null}
          {file.status === 'closed' ? (
            <button type="button" className="button" onClick={() => open('reopen')}>
              Mở lại hồ sơ…
            </button>
          ) : null}
          <button type="button" className="button" disabled={busy} onClick={printContents}>
            In mục lục văn bản
          </button>
        </div>
      </header>
      <p className="screen__hint">{file.title}</p>
      {query.error ? <Notice tone="error">{`Chưa tải lại được hồ sơ: ${errorMessage(query.error)}`}</Notice> : null}
      {file.status === 'handed_over' ? <FrozenNotice file={file} /> : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {printed ? <PrintedFile what={`Mục lục văn bản ${fileName(file)}`} file={printed} testId="contents-printed" /> : null}
      <CaseFileFacts file={file} />
      <section className="panel" aria-labelledby="filed-title">
        <h2 id="filed-title">Văn bản trong hồ sơ ({file.documents.length})</h2>
        <FiledDocuments
          documents={file.documents}
          busy={busy}
          onWithdraw={
            file.status === 'open'
              ? (d) =>
                  act(async () => {
                    await write('caseFiles.removeDocument', { caseFileId: file.id, documentId: d.documentId });
                    return `Đã rút văn bản ${d.numberNotation} khỏi hồ sơ ${file.notation}.`;
                  })
              : undefined
          }
        />
      </section>
      {dialog === 'close' ? <CloseFileDialog file={file} onClose={() => setDialog(null)} onClosed={(f) => done(closedMessage(f))} /> : null}
      {dialog === 'reopen' ? (
        <ReasonDialog
          title={`Mở lại ${fileName(file)}`}
          explanation="Hồ sơ trở lại đang lập: đưa thêm hay rút văn bản được, rồi kết thúc lại. Lý do và các số liệu lúc kết thúc được ghi vào nhật ký."
          label="Lý do mở lại"
          confirm="Mở lại hồ sơ"
          busyLabel="Đang mở lại…"
          send={(reason) => write('caseFiles.reopen', { id: file.id, reason })}
          onClose={() => setDialog(null)}
          onDone={(f) => done(`Đã mở lại ${fileName(f)}.`)}
        />
      ) : null}
      {dialog === 'edit' && plan.data ? (
        <FileDialog plan={plan.data} file={file} onClose={() => setDialog(null)} onDone={(_, message) => done(message)} />
      ) : null}
      {dialog === 'edit' && plan.error ? <Notice tone="error">{`Chưa tải được danh mục: ${errorMessage(plan.error)}`}</Notice> : null}
    </section>
  );
}
