import type { CaseFileRecord, PlanRecord } from '../../shared/api/schemas/casefiles.ts';
import { vietnamToday } from '../../shared/domain/dates.ts';
import { agencyHeader } from '../casefiles/agency-header.ts';
import { caseFileDetail } from '../casefiles/contents.ts';
import { handoverRecordForm as handoverRecordFacts } from '../casefiles/form-data.ts';
import { getHandover } from '../casefiles/handover.ts';
import { planOfYear, toPlanRecord } from '../casefiles/plan-read.ts';
import type { RegistryContext } from '../registry/context.ts';
import type { FileContentsForm, FilePlanForm, HandoverListForm, HandoverRecordForm, PlanFile } from './forms/form-types.ts';

// The Appendix V forms' inputs from the case files as the registers hold them: the forms
// (forms/) lay out plain values and know nothing of the database.

const planFile = (f: CaseFileRecord): PlanFile => ({ notation: f.notation, title: f.title, retentionYears: f.retentionYears, creator: f.creator, note: f.note });

function agencyOf(ctx: RegistryContext) {
  const a = agencyHeader(ctx);
  return { parentAgency: a.parentName, agency: a.name, place: a.placeName };
}

// II. Danh mục hồ sơ: the headings in the plan's order, each with its files, then its sub-headings.
export function planForm(ctx: RegistryContext, year: number): FilePlanForm {
  const plan: PlanRecord = toPlanRecord(ctx, planOfYear(ctx, year));
  const filesOf = (headingId: number) => plan.files.filter((f) => f.headingId === headingId).map(planFile);
  const { parentAgency, agency } = agencyOf(ctx);
  return {
    parentAgency,
    agency,
    year,
    decision: plan.decisionNumber || plan.decisionDate || plan.decisionBy ? { number: plan.decisionNumber, date: plan.decisionDate, by: plan.decisionBy } : null,
    headings: plan.headings
      .filter((h) => h.parentId === null)
      .map((top) => ({
        ordinal: top.ordinal,
        title: top.title,
        files: filesOf(top.id),
        subHeadings: plan.headings.filter((s) => s.parentId === top.id).map((s) => ({ ordinal: s.ordinal, title: s.title, files: filesOf(s.id) })),
      })),
  };
}

// IV. Mục lục văn bản, tài liệu trong hồ sơ, in DocOrdinal order.
export async function contentsForm(ctx: RegistryContext, caseFileId: number): Promise<FileContentsForm> {
  const file = await caseFileDetail(ctx, caseFileId);
  return {
    notation: file.notation,
    year: file.year,
    title: file.title,
    agency: agencyHeader(ctx).name,
    documents: file.documents.map((d) => ({
      ordinal: d.docOrdinal,
      numberNotation: d.numberNotation || null,
      date: d.documentDate,
      documentType: d.documentTypeName,
      subject: d.subject,
      author: d.issuingAgency,
      pageFrom: d.pageFrom,
      pageTo: d.pageTo,
      note: d.status === 'void' ? 'Đã hủy' : null,
    })),
  };
}

// III. Mục lục hồ sơ, tài liệu nộp lưu: the files of one handover, signed by the one who hands
// over. The form's header is "TÊN CQ, TC CHỦ QUẢN / TÊN ĐƠN VỊ": the unit handing over under its
// agency when the handover names a unit, else the agency under its parent, as on the other forms;
// the line under the title names the same unit (or the agency).
export function handoverListForm(ctx: RegistryContext, handoverId: number): HandoverListForm {
  const h = getHandover(ctx, handoverId);
  const { parentAgency, agency, place } = agencyOf(ctx);
  const unit = h.giverUnit?.trim() || null;
  return {
    parentAgency: unit ? agency : parentAgency,
    agency: unit ?? agency,
    year: h.year,
    unitName: unit ?? agency,
    files: h.files.map((f, i) => ({
      ordinal: i + 1,
      notation: f.notation,
      title: f.title,
      startDate: f.startDate,
      endDate: f.endDate,
      retentionYears: f.retentionYears,
      pageCount: f.pageTotal,
      note: f.note,
    })),
    place,
    date: vietnamToday(new Date(h.createdAt)),
    preparer: { name: h.giverName, title: h.giverTitle },
  };
}

const yearSpan = (from: string | null, to: string | null): string | null => {
  if (!from || !to) return null;
  return from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`;
};

// V. Biên bản giao nhận: an electronic handover (part 3.b); the paper part is left to the form's
// blanks, since the files handed over here are electronic.
export function handoverRecordForm(ctx: RegistryContext, handoverId: number): HandoverRecordForm {
  const facts = handoverRecordFacts(ctx, handoverId);
  const { parentAgency, agency, place } = agencyOf(ctx);
  return {
    parentAgency,
    agency,
    place,
    date: facts.date,
    basis: facts.basis,
    giver: facts.giver,
    receiver: facts.receiver,
    blockName: facts.blockName,
    timeSpan: yearSpan(facts.from, facts.to),
    paper: null,
    electronic: { files: facts.fileCount, fileCount: facts.computerFileCount },
    condition: facts.condition || null,
    catalogueNote: null,
  };
}
