import { type FormEvent, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { allTypes } from '../../../shared/domain/document-types.ts';
import { call } from '../../api/client.ts';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { submitOnCtrlEnter } from '../../forms/ctrl-enter.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { PRIORITY_OPTIONS } from '../../util/labels.ts';
import { type EditField, editableFields, editValues, toPatch } from './edit-values.ts';

const LABELS: Record<EditField, string> = {
  issuingAgency: 'Cơ quan ban hành',
  codeNumber: 'Số',
  codeNotation: 'Ký hiệu',
  documentDate: 'Ngày văn bản',
  documentType: 'Loại văn bản',
  documentIdentifier: 'Mã văn bản',
  subject: 'Trích yếu',
  signerName: 'Người ký',
  signerPosition: 'Chức vụ người ký',
  recipientUnit: 'Đơn vị hoặc người nhận',
  recipientsText: 'Nơi nhận',
  priority: 'Độ khẩn',
  copies: 'Số lượng bản',
  pageCount: 'Số trang',
  transferDate: 'Ngày chuyển',
  receivedBy: 'Ký nhận',
  notes: 'Ghi chú',
};

interface EditDocumentFormProps {
  readonly doc: DocumentRecord;
  readonly onSaved: (doc: DocumentRecord) => void;
  readonly onCancel: () => void;
}

// Sửa thông tin: corrections of a registered row, each one recorded in the audit log.
export function EditDocumentForm({ doc, onSaved, onCancel }: EditDocumentFormProps) {
  const form = useForm(editValues(doc));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const fields = editableFields(doc);
  const { values, errors, set } = form;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { patch, badDates } = toPatch(doc, values);
    try {
      onSaved(await call('documents.update', patch));
    } catch (err) {
      const f = formFailure(err, fields, badDates);
      setFailure(f);
      form.setErrors(f.fieldErrors);
    }
  };

  const control = (f: EditField) => {
    const common = { label: LABELS[f], name: f, value: values[f], onChange: set(f), error: errors[f] };
    if (f === 'documentDate' || f === 'transferDate') return <DateInput key={f} {...common} />;
    if (f === 'priority') return <SelectInput key={f} {...common} options={PRIORITY_OPTIONS} />;
    if (f === 'subject') return <TextArea key={f} {...common} rows={2} submitOnEnter />;
    if (f === 'notes' || f === 'recipientsText') return <TextArea key={f} {...common} rows={2} />;
    if (f === 'documentType') return <TextInput key={f} {...common} list="edit-types" />;
    return <TextInput key={f} {...common} wide={f === 'issuingAgency'} />;
  };

  return (
    <form className="form form--boxed" onSubmit={submit} noValidate aria-label="Sửa thông tin văn bản" onKeyDown={submitOnCtrlEnter}>
      <FormSummary failure={failure} />
      <datalist id="edit-types">
        {allTypes().map((t) => (
          <option key={t.key} value={t.name} />
        ))}
      </datalist>
      <div className="form__grid">{fields.map(control)}</div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          Lưu sửa đổi
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Thôi
        </button>
      </div>
    </form>
  );
}
