import { useState } from 'react';
import type { CaseFileRecord, PlanRecord } from '../../../shared/api/schemas/casefiles.ts';
import { errorMessage } from '../../api/api-error.ts';
import { write } from '../../api/write.ts';
import { useFocusRescue } from '../../app/use-focus-rescue.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { type Printed, PrintedFile } from '../../components/PrintedFile.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { ApprovalDialog } from './ApprovalDialog.tsx';
import { CASE_FILE_LABELS, NUMBERING_OPTIONS, numberingWords } from './casefile-words.ts';
import { FileDialog } from './FileDialog.tsx';
import { type HeadingEdit, HeadingDialog } from './HeadingDialog.tsx';
import { PlanTable } from './PlanTable.tsx';

type Editing =
  | { readonly kind: 'approve' }
  | { readonly kind: 'heading'; readonly edit: HeadingEdit }
  | { readonly kind: 'file'; readonly file?: CaseFileRecord; readonly headingId?: number }
  | null;

// The year's plan: whether it is approved (and by which decision), how its files are numbered,
// its headings and files with their edits, and the Appendix V II form printed as PDF or XLSX.
export function PlanPanel({ plan }: { readonly plan: PlanRecord }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const { busy, run } = useInFlight();
  const rescueFocus = useFocusRescue();
  const approved = plan.approvedAt !== null;

  const act = (work: () => Promise<string | null>) =>
    void run(async () => {
      setNotice(null);
      setError(null);
      try {
        setNotice(await work());
      } catch (err) {
        setError(errorMessage(err));
      }
    });
  const print = (format: 'pdf' | 'xlsx') =>
    act(async () => {
      setPrinted(null);
      setPrinted(await write('archive.printPlan', { year: plan.year, format }));
      return null;
    });
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    rescueFocus();
  };
  const open = (next: Editing) => {
    setNotice(null);
    setError(null);
    setEditing(next);
  };

  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">Danh mục hồ sơ năm {plan.year}</h2>
      <p data-testid="plan-state">
        {approved
          ? `Đã phê duyệt theo Quyết định số ${plan.decisionNumber ?? ''} ngày ${showDate(plan.decisionDate)} của ${plan.decisionBy ?? ''}.`
          : 'Chưa phê duyệt: số và ký hiệu hồ sơ còn được đánh lại mỗi khi thêm hay chuyển hồ sơ.'}{' '}
        Danh mục có {plan.counts.total} hồ sơ: {plan.counts.permanent} vĩnh viễn, {plan.counts.term} có thời hạn.
      </p>
      {approved ? (
        <p>Đánh số hồ sơ {numberingWords(plan.numbering)}.</p>
      ) : (
        <div className="form__grid">
          <SelectInput
            label={CASE_FILE_LABELS.numbering}
            name="plan-numbering"
            value={plan.numbering}
            options={NUMBERING_OPTIONS}
            disabled={busy}
            onChange={(v) =>
              act(async () => {
                await write('caseFiles.setNumbering', { year: plan.year, numbering: v as PlanRecord['numbering'] });
                return `Đã đánh số lại hồ sơ ${numberingWords(v as PlanRecord['numbering'])}.`;
              })
            }
          />
        </div>
      )}
      <div className="form__actions">
        <button type="button" className={approved ? 'button' : 'button button--primary'} onClick={() => open({ kind: 'approve' })}>
          {approved ? 'Sửa quyết định phê duyệt…' : 'Phê duyệt danh mục…'}
        </button>
        <button type="button" className="button" onClick={() => open({ kind: 'heading', edit: { parent: null } })}>
          Thêm đề mục lớn…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => print('pdf')}>
          In danh mục (PDF)
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => print('xlsx')}>
          Xuất danh mục (Excel)
        </button>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {printed ? <PrintedFile what={`Danh mục hồ sơ năm ${plan.year}`} file={printed} testId="plan-printed" /> : null}
      <PlanTable
        plan={plan}
        onEditHeading={(heading) => open({ kind: 'heading', edit: { heading } })}
        onAddSubHeading={(parent) => open({ kind: 'heading', edit: { parent } })}
        onAddFile={(heading) => open({ kind: 'file', headingId: heading.id })}
        onEditFile={(file) => open({ kind: 'file', file })}
      />
      {editing?.kind === 'approve' ? (
        <ApprovalDialog plan={plan} onClose={() => setEditing(null)} onDone={(p) => done(`Đã ghi Quyết định số ${p.decisionNumber ?? ''} phê duyệt danh mục.`)} />
      ) : null}
      {editing?.kind === 'heading' ? <HeadingDialog plan={plan} edit={editing.edit} onClose={() => setEditing(null)} onDone={done} /> : null}
      {editing?.kind === 'file' ? (
        <FileDialog plan={plan} file={editing.file} headingId={editing.headingId} onClose={() => setEditing(null)} onDone={(_, message) => done(message)} />
      ) : null}
    </section>
  );
}
