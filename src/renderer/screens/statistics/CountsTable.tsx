import { showCount } from '../../util/format.ts';

type Line<S extends string> = { readonly key: string; readonly label: string; readonly total: number } & Readonly<Record<S, number>>;

interface CountsTableProps<S extends string> {
  readonly caption: string;
  // The heading of the first column: "Loại văn bản", "Đơn vị chủ trì".
  readonly what: string;
  readonly columns: readonly S[];
  readonly labels: Readonly<Record<S, string>>;
  readonly lines: ReadonlyArray<Line<S>>;
  // The report's totals as the last row; absent when the lines are not the whole (none here).
  readonly totals?: { readonly total: number } & Readonly<Record<S, number>>;
}

// One breakdown of a report as the printed form has it: a line per type, channel or unit, its
// total and the count in each state.
export function CountsTable<S extends string>({ caption, what, columns, labels, lines, totals }: CountsTableProps<S>) {
  return (
    <table className="table counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{what}</th>
          <th scope="col" className="number">
            Tổng số
          </th>
          {columns.map((c) => (
            <th key={c} scope="col" className="number">
              {labels[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 ? (
          <tr>
            <td colSpan={columns.length + 2} className="muted">
              Không có văn bản nào.
            </td>
          </tr>
        ) : (
          lines.map((l) => (
            <tr key={l.key}>
              <th scope="row">{l.label}</th>
              <td className="number">{showCount(l.total)}</td>
              {columns.map((c) => (
                <td key={c} className="number">
                  {showCount(l[c])}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
      {totals ? (
        <tfoot>
          <tr>
            <th scope="row">Tổng cộng</th>
            <td className="number">{showCount(totals.total)}</td>
            {columns.map((c) => (
              <td key={c} className="number">
                {showCount(totals[c])}
              </td>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
