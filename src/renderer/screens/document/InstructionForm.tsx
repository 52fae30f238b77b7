import type { FormEvent } from 'react';
import { useState } from 'react';
import type { ProcessingEntry, ProcessingHistory } from '../../../shared/api/schemas/processing.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { DateInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { readDates } from '../../forms/dates-payload.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';

// Row 0 is the lead (chủ trì), the others coordinate (phối hợp); each has its own deadline.
const MAX_ROWS = 8;
const ROW_FIELDS = (i: number) => [`assignees.${i}.unit`, `assignees.${i}.person`, `assignees.${i}.dueDate`] as const;
const FIELDS = ['author', 'text', 'givenOn', 'assignees', ...Array.from({ length: MAX_ROWS }, (_, i) => ROW_FIELDS(i)).flat()];

function initialValues(from: ProcessingEntry | null): Record<string, string> {
  const v: Record<string, string> = { author: from?.author ?? '', text: from?.text ?? '', givenOn: from ? showDate(from.givenOn) : '' };
  for (let i = 0; i < MAX_ROWS; i++) {
    const a = from?.assignees[i];
    v[`assignees.${i}.unit`] = a?.unit ?? '';
    v[`assignees.${i}.person`] = a?.person ?? '';
    v[`assignees.${i}.dueDate`] = showDate(a?.dueDate ?? null);
  }
  return v;
}

interface InstructionFormProps {
  readonly documentId: number;
  // The instruction this one corrects, its values as the starting point.
  readonly corrects: ProcessingEntry | null;
  readonly onCancel: () => void;
  readonly onSaved: (h: ProcessingHistory) => void;
}

// Ý kiến chỉ đạo of the head of the agency (Art. 23.2; part 1 of the phiếu): who leads, who
// coordinates, a deadline for each, and the date the opinion was given (today when left empty).
export function InstructionForm({ documentId, corrects, onCancel, onSaved }: InstructionFormProps) {
  const { profile } = useApp();
  const form = useForm(initialValues(corrects));
  const [rows, setRows] = useState(Math.max(2, corrects?.assignees.length ?? 0));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const { values, errors, set } = form;
  useUnsavedChanges(form.dirty);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const dueNames = Array.from({ length: rows }, (_, i) => `assignees.${i}.dueDate`);
      const { dates, dateBoxes } = readDates(values, ['givenOn', ...dueNames]);
      // Rows left empty are not sent; the lead row always is, so an empty one is refused by name.
      const assignees = Array.from({ length: rows }, (_, i) => ({
        role: i === 0 ? ('lead' as const) : ('coordinate' as const),
        unit: values[`assignees.${i}.unit`] ?? '',
        person: values[`assignees.${i}.person`] ?? '',
        dueDate: dates[`assignees.${i}.dueDate`] ?? null,
      })).filter((a, i) => i === 0 || a.unit || a.person || a.dueDate);
      try {
        const saved = await write('processing.record', {
          kind: 'instruction',
          documentId,
          author: values.author ?? '',
          text: values.text ?? '',
          assignees,
          ...(dates.givenOn ? { givenOn: dates.givenOn } : {}),
          ...(corrects ? { correctsId: corrects.id } : {}),
        });
        setFailure(null);
        form.reset(initialValues(null));
        onSaved(saved);
      } catch (err) {
        const f = formFailure(err, FIELDS, dateBoxes);
        setFailure(f);
        form.setErrors(f.fieldErrors);
      }
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Ý kiến chỉ đạo">
      <h3>{corrects ? 'Sửa ý kiến chỉ đạo (ghi thành mục mới)' : 'Ý kiến chỉ đạo của lãnh đạo cơ quan'}</h3>
      <FormSummary failure={failure} />
      <div className="form__grid">
        <TextInput label="Người cho ý kiến" name="author" value={values.author ?? ''} onChange={set('author')} error={errors.author} required initialFocus />
        <DateInput label="Ngày cho ý kiến" name="givenOn" value={values.givenOn ?? ''} onChange={set('givenOn')} error={errors.givenOn} hint="Để trống: hôm nay" />
        <TextArea label="Ý kiến chỉ đạo" name="text" value={values.text ?? ''} onChange={set('text')} error={errors.text} rows={2} />
      </div>
      <datalist id="instruction-units">
        {(profile?.units ?? []).map((u) => (
          <option key={u.abbreviation} value={u.name} />
        ))}
      </datalist>
      {errors.assignees ? <p className="field__error">{errors.assignees}</p> : null}
      {Array.from({ length: rows }, (_, i) => {
        const [unit, person, due] = ROW_FIELDS(i);
        const role = i === 0 ? 'Chủ trì' : `Phối hợp ${i}`;
        return (
          <fieldset key={unit} className="form__grid" aria-label={role}>
            <legend>{role}</legend>
            <TextInput label={`Đơn vị (${role.toLowerCase()})`} name={unit} value={values[unit] ?? ''} onChange={set(unit)} error={errors[unit]} list="instruction-units" required={i === 0} />
            <TextInput label={`Cá nhân (${role.toLowerCase()})`} name={person} value={values[person] ?? ''} onChange={set(person)} error={errors[person]} />
            <DateInput label={`Hạn xử lý (${role.toLowerCase()})`} name={due} value={values[due] ?? ''} onChange={set(due)} error={errors[due]} />
          </fieldset>
        );
      })}
      <div className="form__actions">
        {rows < MAX_ROWS ? (
          <button type="button" className="button" onClick={() => setRows(rows + 1)}>
            Thêm đơn vị phối hợp
          </button>
        ) : null}
        <button type="button" className="button" onClick={onCancel}>
          Thôi
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu ý kiến chỉ đạo'}
        </button>
      </div>
    </form>
  );
}
