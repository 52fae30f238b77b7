import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { SelectInput } from '../../components/inputs.tsx';
import { Notice } from '../../components/Notice.tsx';
import { CaseFileList } from './CaseFileList.tsx';
import { CreatePlanForm } from './CreatePlanForm.tsx';
import { HandoversPanel } from './HandoversPanel.tsx';
import { PlanPanel } from './PlanPanel.tsx';

// Next year's plan is made in the last weeks of this one (Art. 28: approved at the start of the
// year); older plans are looked up for their files and handovers.
function yearOptions(thisYear: number, shown: number) {
  const years = new Set([thisYear + 1, ...Array.from({ length: 6 }, (_, i) => thisYear - i), shown]);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}

// Hồ sơ (docs/case-files.md): the year's file plan (danh mục hồ sơ, Appendix V I–II) made,
// numbered, approved and printed; its files by status and words; the handovers to the agency
// archive. Every rule (numbering, what may change after approval, closing, the freeze) is the
// server's: the screen offers the steps and shows the answers.
export function CaseFilesScreen({ year: asked }: { readonly year?: number | undefined }) {
  const { info, navigate } = useApp();
  const thisYear = Number(info.today.slice(0, 4));
  const year = asked ?? thisYear;
  const plan = useQuery(apiQuery('caseFiles.plan', { year }));
  return (
    <section className="screen screen--casefiles" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          Hồ sơ năm {year}
        </h1>
        <div className="form__grid">
          <SelectInput
            label="Năm của danh mục"
            name="plan-year"
            value={String(year)}
            options={yearOptions(thisYear, year)}
            onChange={(v) => navigate({ name: 'case-files', year: Number(v) })}
          />
        </div>
      </header>
      {plan.error ? (
        <Notice tone="error">
          {`Chưa tải được danh mục hồ sơ: ${errorMessage(plan.error)}`}{' '}
          <button type="button" className="button button--quiet" onClick={() => void plan.refetch()}>
            Tải lại
          </button>
        </Notice>
      ) : null}
      {plan.isPending ? <p>Đang tải…</p> : null}
      {plan.data === null ? <CreatePlanForm year={year} /> : null}
      {plan.data ? (
        <>
          <PlanPanel plan={plan.data} />
          <CaseFileList year={year} />
          <HandoversPanel year={year} />
        </>
      ) : null}
    </section>
  );
}
