import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useEffectEvent, useState } from 'react';
import type { HandoverRecord } from '../../../shared/api/schemas/casefiles.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { write } from '../../api/write.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { TextInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { CASE_FILE_LABELS, closingWords } from './casefile-words.ts';

const FIELDS = ['fileIds', 'giverName', 'giverTitle', 'giverUnit', 'receiverName', 'receiverTitle', 'basis', 'condition'];

interface HandoverFormProps {
  readonly year: number;
  readonly onCancel: () => void;
  readonly onDone: (handover: HandoverRecord) => void;
}

// Nộp lưu (Art. 30–31): the closed files of one year's plan chosen, the one who gives and the
// one who receives them for the agency archive, and what the biên bản says. Once handed over the
// files are frozen (Appendix VI IV.1.g), which the form says before the clerk confirms.
export function HandoverForm({ year, onCancel, onDone }: HandoverFormProps) {
  const closed = useQuery(apiQuery('caseFiles.list', { year, status: 'closed' }));
  const files = closed.data ?? [];
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const form = useForm({ giverName: '', giverTitle: '', giverUnit: '', receiverName: '', receiverTitle: '', basis: '', condition: '' });
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const [made, setMade] = useState<HandoverRecord | null>(null);
  const dirty = made === null && (form.dirty || chosen.size > 0);
  useUnsavedChanges(dirty);
  // The handover's screen opens once this form no longer counts as unsaved input.
  const opened = useEffectEvent((h: HandoverRecord) => onDone(h));
  useEffect(() => {
    if (made && !dirty) opened(made);
  }, [made, dirty]);
  const { values, set } = form;
  const errors = failure?.fieldErrors ?? {};
  const optional = (v: string) => (v.trim() ? v : undefined);
  const toggle = (id: number) =>
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      try {
        setMade(
          await write('caseFiles.handOver', {
            year,
            // In the plan's order, as the mục lục lists them.
            fileIds: files.filter((f) => chosen.has(f.id)).map((f) => f.id),
            giverName: values.giverName,
            giverTitle: optional(values.giverTitle),
            giverUnit: optional(values.giverUnit),
            receiverName: values.receiverName,
            receiverTitle: optional(values.receiverTitle),
            basis: optional(values.basis),
            condition: optional(values.condition),
          }),
        );
      } catch (err) {
        setFailure(formFailure(err, FIELDS, {}, CASE_FILE_LABELS));
      }
    });
  };

  return (
    <form className="form form--boxed" onSubmit={submit} noValidate aria-label="Nộp lưu hồ sơ">
      <FormSummary failure={failure} />
      {closed.error ? <Notice tone="error">{errorMessage(closed.error)}</Notice> : null}
      <fieldset className="choice" aria-describedby={errors.fileIds ? 'handover-files-error' : undefined}>
        <legend>Hồ sơ đã kết thúc của danh mục năm {year}</legend>
        {closed.data && files.length === 0 ? <p className="muted">Chưa có hồ sơ nào đã kết thúc mà chưa nộp lưu.</p> : null}
        {files.length > 1 ? (
          <button type="button" className="button button--quiet" onClick={() => setChosen(new Set(files.map((f) => f.id)))}>
            Chọn tất cả
          </button>
        ) : null}
        <ul className="choice__list">
          {files.map((f) => (
            <li key={f.id}>
              <label className="checkbox">
                <input type="checkbox" checked={chosen.has(f.id)} onChange={() => toggle(f.id)} />
                {f.notation} — {f.title}
              </label>
              <span className="muted">
                {closingWords(f)}; hạn nộp lưu {showDate(f.handoverDueDate)}
              </span>
            </li>
          ))}
        </ul>
        {errors.fileIds ? (
          <span className="field__error" id="handover-files-error">
            {errors.fileIds}
          </span>
        ) : null}
      </fieldset>
      <div className="form__grid">
        <TextInput label={CASE_FILE_LABELS.giverName} name="giverName" value={values.giverName} onChange={set('giverName')} error={errors.giverName} required />
        <TextInput label={CASE_FILE_LABELS.giverTitle} name="giverTitle" value={values.giverTitle} onChange={set('giverTitle')} error={errors.giverTitle} />
        <TextInput label={CASE_FILE_LABELS.giverUnit} name="giverUnit" value={values.giverUnit} onChange={set('giverUnit')} error={errors.giverUnit} />
        <TextInput label={CASE_FILE_LABELS.receiverName} name="receiverName" value={values.receiverName} onChange={set('receiverName')} error={errors.receiverName} required />
        <TextInput label={CASE_FILE_LABELS.receiverTitle} name="receiverTitle" value={values.receiverTitle} onChange={set('receiverTitle')} error={errors.receiverTitle} />
        <TextInput
          label={CASE_FILE_LABELS.basis}
          name="basis"
          value={values.basis}
          onChange={set('basis')}
          error={errors.basis}
          hint={`Để trống: Danh mục hồ sơ năm ${year}`}
          wide
        />
        <TextInput label={CASE_FILE_LABELS.condition} name="condition" value={values.condition} onChange={set('condition')} error={errors.condition} wide />
      </div>
      <p>Sau khi nộp lưu, hồ sơ và các văn bản trong hồ sơ không được sửa, rút ra hay thay tệp (Phụ lục VI, mục IV.1.g Nghị định 30/2020).</p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Đang nộp lưu…' : `Nộp lưu ${chosen.size} hồ sơ`}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Thôi
        </button>
      </div>
    </form>
  );
}
