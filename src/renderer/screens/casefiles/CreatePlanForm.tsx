import { type FormEvent, useState } from 'react';
import type { CreatePlanInput } from '../../../shared/api/schemas/casefiles.ts';
import { write } from '../../api/write.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { CASE_FILE_LABELS, NUMBERING_OPTIONS } from './casefile-words.ts';

type From = 'defaults' | 'previous';

// A year without a plan: make it from the default headings of a commune People's Committee or
// from last year's plan (its headings and files, open and empty), numbered one way or the other.
export function CreatePlanForm({ year }: { readonly year: number }) {
  const [from, setFrom] = useState<From>('defaults');
  // '' with a copy: the way last year's plan was numbered.
  const [numbering, setNumbering] = useState('heading');
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const numberingOptions = from === 'previous' ? [{ value: '', label: `Như danh mục năm ${year - 1}` }, ...NUMBERING_OPTIONS] : NUMBERING_OPTIONS;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const input: CreatePlanInput = { year, from, ...(numbering ? { numbering: numbering as 'plan' | 'heading' } : {}) };
      try {
        await write('caseFiles.createPlan', input);
      } catch (err) {
        setFailure(formFailure(err, ['from', 'numbering'], {}, CASE_FILE_LABELS));
      }
    });
  };

  return (
    <section className="panel" aria-labelledby="create-plan-title">
      <h2 id="create-plan-title">Chưa có Danh mục hồ sơ năm {year}</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Lập danh mục hồ sơ">
        <FormSummary failure={failure} />
        <fieldset className="choice">
          <legend>Lập từ</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="plan-from"
              value="defaults"
              checked={from === 'defaults'}
              onChange={() => {
                setFrom('defaults');
                setNumbering((n) => n || 'heading');
              }}
            />
            Các đề mục mặc định của Ủy ban nhân dân xã
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="plan-from"
              value="previous"
              checked={from === 'previous'}
              onChange={() => {
                setFrom('previous');
                setNumbering('');
              }}
            />
            Danh mục hồ sơ năm {year - 1} (đề mục và hồ sơ, không có văn bản)
          </label>
        </fieldset>
        <div className="form__grid">
          <SelectInput
            label={CASE_FILE_LABELS.numbering}
            name="numbering"
            value={numbering}
            options={numberingOptions}
            onChange={setNumbering}
            error={failure?.fieldErrors.numbering}
            hint="Phụ lục V, mục I.2 Nghị định 30/2020; đổi được đến khi danh mục được phê duyệt."
            wide
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang lập…' : 'Lập danh mục hồ sơ'}
          </button>
        </div>
      </form>
    </section>
  );
}
