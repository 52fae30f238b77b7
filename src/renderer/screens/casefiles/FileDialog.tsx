import { type FormEvent, useState } from 'react';
import type { CaseFileRecord, PlanRecord } from '../../../shared/api/schemas/casefiles.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { readCount } from '../../forms/dates-payload.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { CASE_FILE_LABELS, headingLabel } from './casefile-words.ts';

const FIELDS = ['headingId', 'title', 'retentionYears', 'creator', 'rights', 'language', 'description', 'note'];
const RETENTION_OPTIONS = [
  { value: 'permanent', label: 'Vĩnh viễn' },
  { value: 'term', label: 'Có thời hạn (số năm)' },
];

interface FileDialogProps {
  readonly plan: PlanRecord;
  // Absent: a new file, under `headingId`.
  readonly file?: CaseFileRecord | undefined;
  readonly headingId?: number | undefined;
  readonly onClose: () => void;
  readonly onDone: (file: CaseFileRecord, message: string) => void;
}

// A file of the plan (Appendix V I.3–I.4): its heading, title, retention (vĩnh viễn or N years),
// người lập hồ sơ, the plan's Ghi chú, and the Appendix VI fields a package carries. A save is
// the whole form: what is left empty is cleared.
export function FileDialog({ plan, file, headingId, onClose, onDone }: FileDialogProps) {
  const lastCreator = plan.files.at(-1)?.creator ?? '';
  const form = useForm({
    headingId: String(file?.headingId ?? headingId ?? plan.headings[0]?.id ?? ''),
    title: file?.title ?? '',
    retention: typeof file?.retentionYears === 'number' ? 'term' : 'permanent',
    retentionYears: typeof file?.retentionYears === 'number' ? String(file.retentionYears) : '',
    creator: file?.creator ?? lastCreator,
    note: file?.note ?? '',
    rights: file?.rights ?? '',
    language: file?.language ?? '',
    description: file?.description ?? '',
  });
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  useUnsavedChanges(form.dirty);
  const { values, set } = form;
  const errors = failure?.fieldErrors ?? {};
  const optional = (v: string) => (v.trim() ? v : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      // An empty or mistyped number of years goes as typed, for the server to word the refusal.
      const retentionYears = values.retention === 'permanent' ? null : (readCount(values.retentionYears) ?? values.retentionYears);
      try {
        const saved = await write('caseFiles.saveFile', {
          ...(file ? { id: file.id } : {}),
          ...(values.headingId ? { headingId: Number(values.headingId) } : {}),
          title: values.title,
          retentionYears: retentionYears as number | null,
          creator: values.creator,
          rights: optional(values.rights),
          language: optional(values.language),
          description: optional(values.description),
          note: optional(values.note),
        });
        onDone(saved, file ? `Đã lưu hồ sơ ${saved.notation}.` : `Đã thêm hồ sơ ${saved.notation}: ${saved.title}.`);
      } catch (err) {
        setFailure(formFailure(err, FIELDS, {}, CASE_FILE_LABELS));
      }
    });
  };

  return (
    <Dialog title={file ? `Sửa hồ sơ ${file.notation}` : 'Thêm hồ sơ vào danh mục'} onClose={onClose} closable={!busy}>
      <form className="form" onSubmit={submit} noValidate aria-label="Hồ sơ">
        <FormSummary failure={failure} />
        <div className="form__grid">
          <SelectInput
            label={CASE_FILE_LABELS.headingId}
            name="headingId"
            value={values.headingId}
            options={plan.headings.map((h) => ({ value: String(h.id), label: headingLabel(plan, h) }))}
            onChange={set('headingId')}
            error={errors.headingId}
            wide
          />
          <TextArea label={CASE_FILE_LABELS.title} name="title" value={values.title} onChange={set('title')} error={errors.title} rows={2} required initialFocus submitOnEnter />
          <SelectInput label="Thời hạn bảo quản" name="retention" value={values.retention} options={RETENTION_OPTIONS} onChange={set('retention')} />
          {values.retention === 'term' ? (
            <TextInput
              label={CASE_FILE_LABELS.retentionYears}
              name="retentionYears"
              value={values.retentionYears}
              onChange={set('retentionYears')}
              error={errors.retentionYears}
              inputMode="numeric"
              required
            />
          ) : null}
          <TextInput label={CASE_FILE_LABELS.creator} name="creator" value={values.creator} onChange={set('creator')} error={errors.creator} required />
          <TextInput label={CASE_FILE_LABELS.note} name="note" value={values.note} onChange={set('note')} error={errors.note} wide />
        </div>
        <details>
          <summary>Thông tin khác của hồ sơ (Phụ lục VI)</summary>
          <div className="form__grid">
            <TextInput label={CASE_FILE_LABELS.rights} name="rights" value={values.rights} onChange={set('rights')} error={errors.rights} hint="Để trống: Công khai" />
            <TextInput label={CASE_FILE_LABELS.language} name="language" value={values.language} onChange={set('language')} error={errors.language} hint="Để trống: Tiếng Việt" />
            <TextArea label={CASE_FILE_LABELS.description} name="description" value={values.description} onChange={set('description')} error={errors.description} rows={2} />
          </div>
        </details>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu hồ sơ'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Thôi (Esc)
          </button>
        </div>
      </form>
    </Dialog>
  );
}
