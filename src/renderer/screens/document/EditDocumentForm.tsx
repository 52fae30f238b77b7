import { type FormEvent, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { allTypes } from '../../../shared/domain/document-types.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { label } from '../../forms/label.ts';
import { useEscapeToCancel } from '../../forms/use-escape-to-cancel.ts';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { PRIORITY_OPTIONS } from '../../util/labels.ts';
import { type EditField, editableFields, editValues, toPatch } from './edit-values.ts';

interface EditDocumentFormProps {
  readonly doc: DocumentRecord;
  readonly onSaved: (doc: DocumentRecord) => void;
  readonly onCancel: () => void;
}

// The box labels are the shared field labels, except the recipient column of an outgoing
// register, which is the unit or person keeping the file copy (Appendix IV).
function fieldLabelFor(doc: DocumentRecord, f: EditField): string {
  return doc.direction === 'outgoing' && f === 'recipientUnit' ? 'Đơn vị, người nhận bản lưu' : label(f);
}

// Sửa thông tin: corrections of a registered row, each one recorded in the audit log. Esc (or
// "Thôi") leaves without saving.
export function EditDocumentForm({ doc, onSaved, onCancel }: EditDocumentFormProps) {
  const form = useForm(editValues(doc));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const fields = editableFields(doc);
  const { values, errors, set } = form;
  useUnsavedChanges(form.dirty);
  const formRef = useRef<HTMLFormElement>(null);
  useEscapeToCancel(formRef, onCancel, !busy);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { patch, dateBoxes } = toPatch(doc, values);
      try {
        onSaved(await write('documents.update', patch));
      } catch (err) {
        const f = formFailure(err, fields, dateBoxes);
        setFailure(f);
        form.setErrors(f.fieldErrors);
      }
    });
  };

  const control = (f: EditField) => {
    const common = { label: fieldLabelFor(doc, f), name: f, value: values[f], onChange: set(f), error: errors[f] };
    if (f === 'documentDate' || f === 'transferDate') return <DateInput key={f} {...common} />;
    if (f === 'priority') return <SelectInput key={f} {...common} options={PRIORITY_OPTIONS} />;
    if (f === 'subject') return <TextArea key={f} {...common} rows={2} submitOnEnter />;
    if (f === 'notes' || f === 'recipientsText') return <TextArea key={f} {...common} rows={2} />;
    if (f === 'documentType') return <TextInput key={f} {...common} list="edit-types" />;
    return <TextInput key={f} {...common} wide={f === 'issuingAgency'} />;
  };

  return (
    <form ref={formRef} className="form form--boxed" onSubmit={submit} noValidate aria-label="Sửa thông tin văn bản">
      <FormSummary failure={failure} />
      <datalist id="edit-types">
        {allTypes().map((t) => (
          <option key={t.key} value={t.name} />
        ))}
      </datalist>
      <div className="form__grid">{fields.map(control)}</div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu sửa đổi'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Thôi (Esc)
        </button>
      </div>
    </form>
  );
}
