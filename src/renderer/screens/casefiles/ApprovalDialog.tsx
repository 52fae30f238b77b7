import { type FormEvent, useState } from 'react';
import type { PlanRecord } from '../../../shared/api/schemas/casefiles.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DateInput, TextInput } from '../../components/inputs.tsx';
import { readDates } from '../../forms/dates-payload.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { CASE_FILE_LABELS } from './casefile-words.ts';

const FIELDS = ['decisionNumber', 'decisionDate', 'decisionBy'];

interface ApprovalDialogProps {
  readonly plan: PlanRecord;
  readonly onClose: () => void;
  readonly onDone: (plan: PlanRecord) => void;
}

// The decision approving the plan (Art. 28): its number, date and who signed it. From then on the
// files' numbers are fixed; recording it again corrects the decision (audited with what it was).
export function ApprovalDialog({ plan, onClose, onDone }: ApprovalDialogProps) {
  const form = useForm({
    decisionNumber: plan.decisionNumber ?? '',
    decisionDate: plan.decisionDate ? formatVietnameseDate(plan.decisionDate) : '',
    decisionBy: plan.decisionBy ?? '',
  });
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(form.dirty);
  const { values, set } = form;
  const errors = failure?.fieldErrors ?? {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { dates, dateBoxes } = readDates(values, ['decisionDate']);
      try {
        onDone(await write('caseFiles.approvePlan', { year: plan.year, decisionNumber: values.decisionNumber, decisionDate: dates.decisionDate ?? '', decisionBy: values.decisionBy }));
      } catch (err) {
        setFailure(formFailure(err, FIELDS, dateBoxes, CASE_FILE_LABELS));
      }
    });
  };

  return (
    <Dialog title={plan.approvedAt ? `Sửa quyết định phê duyệt danh mục năm ${plan.year}` : `Phê duyệt Danh mục hồ sơ năm ${plan.year}`} onClose={onClose} closable={!busy}>
      <form className="form" onSubmit={submit} noValidate aria-label="Quyết định phê duyệt danh mục">
        <p>
          {plan.approvedAt
            ? 'Sửa số, ngày hoặc người ký của quyết định đã ghi. Số và ký hiệu hồ sơ không thay đổi.'
            : 'Sau khi phê duyệt, số và ký hiệu hồ sơ được cố định; hồ sơ lập thêm nhận số tiếp theo (Điều 28, 29 Nghị định 30/2020).'}
        </p>
        <FormSummary failure={failure} />
        <div className="form__grid">
          <TextInput label={CASE_FILE_LABELS.decisionNumber} name="decisionNumber" value={values.decisionNumber} onChange={set('decisionNumber')} error={errors.decisionNumber} required initialFocus />
          <DateInput label={CASE_FILE_LABELS.decisionDate} name="decisionDate" value={values.decisionDate} onChange={set('decisionDate')} error={errors.decisionDate} required />
          <TextInput
            label={CASE_FILE_LABELS.decisionBy}
            name="decisionBy"
            value={values.decisionBy}
            onChange={set('decisionBy')}
            error={errors.decisionBy}
            hint="Ví dụ: Chủ tịch UBND xã"
            required
            wide
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang lưu…' : plan.approvedAt ? 'Lưu quyết định' : 'Phê duyệt'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}
