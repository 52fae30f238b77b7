import { type FormEvent, useState } from 'react';
import { DateInput, SelectInput } from '../../components/inputs.tsx';
import { DATE_FORMAT_MESSAGE, DATE_REQUIRED_MESSAGE, readDateInput, showDate } from '../../util/dates.ts';
import { namedPeriod, type Period, PERIOD_OPTIONS, type PeriodKind } from './period.ts';
import { periodLine } from './report-words.ts';

interface PeriodPickerProps {
  readonly today: string;
  readonly period: Period;
  readonly onPeriod: (period: Period) => void;
}

type DateErrors = { from?: string; to?: string };

// Kỳ báo cáo: this month, this quarter, this year (each up to today), or two dates typed as
// dd/mm/yyyy and applied with "Xem". The server checks the order of the dates too.
export function PeriodPicker({ today, period, onPeriod }: PeriodPickerProps) {
  const [kind, setKind] = useState<PeriodKind>('month');
  const [from, setFrom] = useState(showDate(period.from));
  const [to, setTo] = useState(showDate(period.to));
  const [errors, setErrors] = useState<DateErrors>({});

  const choose = (value: string) => {
    const next = value as PeriodKind;
    setKind(next);
    setErrors({});
    if (next !== 'custom') {
      const p = namedPeriod(next, today);
      setFrom(showDate(p.from));
      setTo(showDate(p.to));
      onPeriod(p);
    }
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const f = readDateInput(from);
    const t = readDateInput(to);
    const problem = (v: string | null): string | undefined => (v === null ? DATE_REQUIRED_MESSAGE : v === 'invalid' ? DATE_FORMAT_MESSAGE : undefined);
    const next: DateErrors = {};
    if (problem(f)) next.from = problem(f);
    if (problem(t)) next.to = problem(t);
    if (!next.from && !next.to && (f as string) > (t as string)) next.to = '"Từ ngày" phải trước hoặc bằng "Đến ngày"';
    setErrors(next);
    if (!next.from && !next.to) onPeriod({ from: f as string, to: t as string });
  };

  return (
    <form className="form panel" onSubmit={apply} noValidate aria-label="Kỳ báo cáo">
      <div className="form__grid">
        <SelectInput label="Kỳ báo cáo" name="period" value={kind} options={PERIOD_OPTIONS} onChange={choose} />
        {kind === 'custom' ? (
          <>
            <DateInput label="Từ ngày" name="from" value={from} onChange={setFrom} error={errors.from} />
            <DateInput label="Đến ngày" name="to" value={to} onChange={setTo} error={errors.to} />
          </>
        ) : null}
      </div>
      {kind === 'custom' ? (
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Xem
          </button>
        </div>
      ) : null}
      <p className="screen__hint" data-testid="stats-period">
        {periodLine(period)}
      </p>
    </form>
  );
}
