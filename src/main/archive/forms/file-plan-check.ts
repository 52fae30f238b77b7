import { checkDate, checkOrdinal, checkRequired, checkRetention, checkYear } from './form-check.ts';
import type { FilePlanForm, PlanFile } from './form-types.ts';

function checkFile(f: PlanFile): void {
  checkRequired(f.notation, `số và ký hiệu hồ sơ "${f.title.slice(0, 40)}"`);
  checkRequired(f.title, `tiêu đề hồ sơ ${f.notation}`);
  checkRetention(f.retentionYears, `hồ sơ ${f.notation}`);
}

// Roman numerals end at 3999 (shared/domain/roman-numerals.ts).
export function checkFilePlan(plan: FilePlanForm): void {
  checkYear(plan.year, 'danh mục hồ sơ');
  checkDate(plan.decision?.date ?? null, 'quyết định ban hành danh mục');
  checkRequired(plan.agency, 'tên cơ quan');
  for (const h of plan.headings) {
    checkOrdinal(h.ordinal, `đề mục "${h.title.slice(0, 40)}"`, 3999);
    h.files.forEach(checkFile);
    for (const s of h.subHeadings) {
      checkOrdinal(s.ordinal, `đề mục nhỏ "${s.title.slice(0, 40)}"`);
      s.files.forEach(checkFile);
    }
  }
}
