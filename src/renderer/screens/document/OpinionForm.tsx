import type { FormEvent } from 'react';
import { useState } from 'react';
import type { DistributionRow, ProcessingEntry, ProcessingHistory } from '../../../shared/api/schemas/processing.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { DateInput, SelectInput, TextArea, TextInput } from '../../components/inputs.tsx';
import { readDates } from '../../forms/dates-payload.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';

export type OpinionKind = 'unit_instruction' | 'proposal' | 'status';

const TITLES: Readonly<Record<OpinionKind, string>> = {
  unit_instruction: 'Ý kiến của lãnh đạo đơn vị',
  proposal: 'Ý kiến đề xuất của người giải quyết',
  status: 'Tiến độ, kết quả giải quyết',
};

const STATUS_OPTIONS = [
  { value: 'in_progress', label: 'Đang xử lý' },
  { value: 'done', label: 'Hoàn thành' },
  { value: 'assigned', label: 'Mở lại (đã phân công)' },
];

const FIELDS = ['author', 'text', 'givenOn', 'unit', 'person', 'dueDate', 'status', 'replyNotation', 'correctsId'];

type OpinionValues = Record<'author' | 'text' | 'givenOn' | 'unit' | 'person' | 'dueDate' | 'status' | 'replyNotation', string>;

function initialValues(kind: OpinionKind, from: ProcessingEntry | null, units: readonly DistributionRow[]): OpinionValues {
  const a = from?.assignees[0];
  return {
    author: from?.author ?? '',
    text: from?.text ?? '',
    givenOn: from ? showDate(from.givenOn) : '',
    unit: a?.unit ?? units.find((u) => u.unit)?.unit ?? '',
    person: a?.person ?? '',
    dueDate: showDate(a?.dueDate ?? null),
    status: kind === 'status' ? (from?.status ?? 'done') : '',
    replyNotation: from?.replyNotation ?? '',
  };
}

interface OpinionFormProps {
  readonly kind: OpinionKind;
  readonly documentId: number;
  readonly distribution: readonly DistributionRow[];
  readonly corrects: ProcessingEntry | null;
  readonly onCancel: () => void;
  readonly onSaved: (h: ProcessingHistory) => void;
}

// Parts 2 and 3 of the phiếu (the unit leader's assignment, the handler's proposal) and the
// progress or result of the handling: each saved as a new entry of the history.
export function OpinionForm({ kind, documentId, distribution, corrects, onCancel, onSaved }: OpinionFormProps) {
  const form = useForm(initialValues(kind, corrects, distribution));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const { values, errors, set } = form;
  useUnsavedChanges(form.dirty);
  const v = (name: keyof OpinionValues) => values[name];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { dates, dateBoxes } = readDates(values, kind === 'unit_instruction' ? ['givenOn', 'dueDate'] : ['givenOn']);
      const common = {
        documentId,
        ...(dates.givenOn ? { givenOn: dates.givenOn } : {}),
        ...(corrects ? { correctsId: corrects.id } : {}),
      };
      const input =
        kind === 'unit_instruction'
          ? { kind, ...common, author: v('author'), text: v('text'), unit: v('unit'), person: v('person'), dueDate: dates.dueDate ?? null }
          : kind === 'proposal'
            ? { kind, ...common, author: v('author'), text: v('text') }
            : { kind, ...common, author: v('author'), text: v('text'), status: v('status') as 'in_progress' | 'done' | 'assigned', replyNotation: v('replyNotation') };
      try {
        const saved = await write('processing.record', input);
        setFailure(null);
        onSaved(saved);
      } catch (err) {
        const f = formFailure(err, FIELDS, dateBoxes);
        setFailure(f);
        form.setErrors(f.fieldErrors);
      }
    });
  };

  const units = distribution.filter((d) => d.unit).map((d) => ({ value: d.unit ?? '', label: d.unit ?? '' }));
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={TITLES[kind]}>
      <h3>{corrects ? `Sửa: ${TITLES[kind]} (ghi thành mục mới)` : TITLES[kind]}</h3>
      <FormSummary failure={failure} />
      <div className="form__grid">
        <TextInput
          label={kind === 'status' ? 'Người báo cáo' : 'Người cho ý kiến'}
          name="author"
          value={v('author')}
          onChange={set('author')}
          error={errors.author}
          required={kind !== 'status'}
          initialFocus
        />
        <DateInput label="Ngày cho ý kiến" name="givenOn" value={v('givenOn')} onChange={set('givenOn')} error={errors.givenOn} hint="Để trống: hôm nay" />
        {kind === 'unit_instruction' ? (
          <>
            <SelectInput label="Đơn vị" name="unit" value={v('unit')} onChange={set('unit')} error={errors.unit} options={units} />
            <TextInput label="Giao cho cá nhân" name="person" value={v('person')} onChange={set('person')} error={errors.person} required />
            <DateInput label="Hạn xử lý của cá nhân" name="dueDate" value={v('dueDate')} onChange={set('dueDate')} error={errors.dueDate} />
          </>
        ) : null}
        {kind === 'status' ? (
          <>
            <SelectInput label="Tiến độ giải quyết" name="status" value={v('status')} onChange={set('status')} error={errors.status} options={STATUS_OPTIONS} />
            <TextInput label="Số, ký hiệu văn bản trả lời" name="replyNotation" value={v('replyNotation')} onChange={set('replyNotation')} error={errors.replyNotation} />
          </>
        ) : null}
        <TextArea
          label={kind === 'proposal' ? 'Ý kiến đề xuất' : kind === 'status' ? 'Kết quả, ghi chú' : 'Ý kiến'}
          name="text"
          value={v('text')}
          onChange={set('text')}
          error={errors.text}
          required={kind === 'proposal'}
          rows={2}
        />
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Thôi
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu'}
        </button>
      </div>
    </form>
  );
}
