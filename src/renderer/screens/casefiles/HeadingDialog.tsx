import { type FormEvent, useState } from 'react';
import type { PlanHeading, PlanRecord } from '../../../shared/api/schemas/casefiles.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextInput } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { CASE_FILE_LABELS, headingLabel, headingNumber } from './casefile-words.ts';

const LABELS = { ...CASE_FILE_LABELS, title: 'Tên đề mục' };

// A heading being added (under a top heading, or at the top) or renamed.
export type HeadingEdit = { readonly heading: PlanHeading } | { readonly parent: PlanHeading | null };

interface HeadingDialogProps {
  readonly plan: PlanRecord;
  readonly edit: HeadingEdit;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

// Đề mục (Appendix V I.1): a top heading has the abbreviation its files' notations end with
// (01.VP); a sub-heading has none. Headings are never deleted: an unused one stays empty.
export function HeadingDialog({ plan, edit, onClose, onDone }: HeadingDialogProps) {
  const existing = 'heading' in edit ? edit.heading : null;
  const top = existing ? existing.parentId === null : 'parent' in edit && edit.parent === null;
  const form = useForm({ title: existing?.title ?? '', abbreviation: existing?.abbreviation ?? '' });
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(form.dirty);
  const { values, set } = form;
  const errors = failure?.fieldErrors ?? {};
  const parent = 'parent' in edit ? edit.parent : null;
  const title = existing ? `Sửa đề mục ${headingLabel(plan, existing)}` : parent ? `Thêm đề mục nhỏ vào đề mục ${headingLabel(plan, parent)}` : 'Thêm đề mục lớn';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const abbreviation = top && values.abbreviation.trim() ? { abbreviation: values.abbreviation } : {};
      try {
        await write('caseFiles.saveHeading', {
          planId: plan.id,
          title: values.title,
          ...abbreviation,
          ...(existing ? { id: existing.id } : parent ? { parentId: parent.id } : {}),
        });
        onDone(existing ? `Đã sửa đề mục ${headingNumber(plan, existing)}.` : `Đã thêm đề mục "${values.title.trim()}".`);
      } catch (err) {
        setFailure(formFailure(err, ['title', 'abbreviation'], {}, LABELS));
      }
    });
  };

  return (
    <Dialog title={title} onClose={onClose} closable={!busy}>
      <form className="form" onSubmit={submit} noValidate aria-label="Đề mục">
        <FormSummary failure={failure} />
        <div className="form__grid">
          <TextInput label={LABELS.title} name="title" value={values.title} onChange={set('title')} error={errors.title} required wide initialFocus />
          {top ? (
            <TextInput
              label={LABELS.abbreviation}
              name="abbreviation"
              value={values.abbreviation}
              onChange={set('abbreviation')}
              error={errors.abbreviation}
              hint="Dùng trong ký hiệu hồ sơ, ví dụ VP trong 01.VP"
              required
            />
          ) : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu đề mục'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}
