import type { CaseFileRecord, PlanHeading, PlanRecord } from '../../../shared/api/schemas/casefiles.ts';
import { useApp } from '../../app/app-context.ts';
import { CaseFileBadge } from './CaseFileBadge.tsx';
import { headingLabel } from './casefile-words.ts';

interface PlanTableProps {
  readonly plan: PlanRecord;
  readonly onEditHeading: (heading: PlanHeading) => void;
  readonly onAddSubHeading: (parent: PlanHeading) => void;
  readonly onAddFile: (heading: PlanHeading) => void;
  readonly onEditFile: (file: CaseFileRecord) => void;
}

function FileRow({ file, onEdit }: { readonly file: CaseFileRecord; readonly onEdit: (file: CaseFileRecord) => void }) {
  const { navigate } = useApp();
  return (
    <tr>
      <td>{file.notation}</td>
      <td>
        <button type="button" className="link-button" onClick={() => navigate({ name: 'case-file', id: file.id })}>
          {file.title}
        </button>
      </td>
      <td>{file.retentionLabel}</td>
      <td>{file.creator}</td>
      <td>{file.note}</td>
      <td>
        <CaseFileBadge status={file.status} /> <span className="muted">{file.documentCount} văn bản</span>
      </td>
      <td className="row-actions">
        {/* A closed file is changed after reopening it, a handed-over one never (its screen says so). */}
        {file.status === 'open' ? (
          <button type="button" className="button button--quiet" aria-label={`Sửa hồ sơ ${file.notation}`} onClick={() => onEdit(file)}>
            Sửa
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function HeadingRow(props: { readonly label: string; readonly heading: PlanHeading; readonly level: 'top' | 'sub' } & Omit<PlanTableProps, 'plan' | 'onEditFile'>) {
  const { label, heading, level } = props;
  return (
    <tr className={`plan__heading plan__heading--${level}`}>
      <th scope="colgroup" colSpan={6}>
        {label}
        {heading.abbreviation ? <span className="muted"> ({heading.abbreviation})</span> : null}
      </th>
      <td className="row-actions">
        <button type="button" className="button button--quiet" aria-label={`Sửa đề mục ${label}`} onClick={() => props.onEditHeading(heading)}>
          Sửa
        </button>
        {level === 'top' ? (
          <button type="button" className="button button--quiet" aria-label={`Thêm đề mục nhỏ vào ${label}`} onClick={() => props.onAddSubHeading(heading)}>
            Thêm đề mục nhỏ
          </button>
        ) : null}
        <button type="button" className="button button--quiet" aria-label={`Thêm hồ sơ vào ${label}`} onClick={() => props.onAddFile(heading)}>
          Thêm hồ sơ
        </button>
      </td>
    </tr>
  );
}

// The plan as Appendix V II lays it out: each top heading (I, II…) with its own files, then each
// sub-heading (1, 2…) with its files, in the plan's order; each file opens its screen.
export function PlanTable({ plan, onEditFile, ...actions }: PlanTableProps) {
  const tops = plan.headings.filter((h) => h.parentId === null);
  const filesOf = (h: PlanHeading) => plan.files.filter((f) => f.headingId === h.id);
  return (
    <table className="table plan" data-testid="plan-table">
      <caption className="visually-hidden">Danh mục hồ sơ năm {plan.year}</caption>
      <thead>
        <tr>
          <th scope="col">Số và ký hiệu hồ sơ</th>
          <th scope="col">Tên đề mục và tiêu đề hồ sơ</th>
          <th scope="col">Thời hạn bảo quản</th>
          <th scope="col">Người lập hồ sơ</th>
          <th scope="col">Ghi chú</th>
          <th scope="col">Tình trạng</th>
          <th scope="col">
            <span className="visually-hidden">Thao tác</span>
          </th>
        </tr>
      </thead>
      {tops.map((top) => (
        <tbody key={top.id}>
          <HeadingRow label={headingLabel(plan, top)} heading={top} level="top" {...actions} />
          {filesOf(top).map((f) => (
            <FileRow key={f.id} file={f} onEdit={onEditFile} />
          ))}
          {plan.headings
            .filter((h) => h.parentId === top.id)
            .map((sub) => [
              <HeadingRow key={`h${sub.id}`} label={headingLabel(plan, sub)} heading={sub} level="sub" {...actions} />,
              ...filesOf(sub).map((f) => <FileRow key={f.id} file={f} onEdit={onEditFile} />),
            ])}
        </tbody>
      ))}
    </table>
  );
}
