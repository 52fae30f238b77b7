import type { ReportTable, ReportValue } from './report-tables.ts';

// The same table as the PDF and the spreadsheet, for a terminal (vanthu report …): the header
// lines, then the columns with their titles wrapped over a few lines, numbers right-aligned, a
// heading line per breakdown. Widths count characters of NFC text (Vietnamese letters are one
// each).

const NUMBER_WIDTH = 9;
const TEXT_WIDTH = 44;
const GAP = '  ';

const width = (s: string): number => [...s.normalize('NFC')].length;

function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && width(`${line} ${word}`) > max) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

const pad = (s: string, w: number, right: boolean): string => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))));

export function reportText(table: ReportTable): string {
  const rows = table.sections.flatMap((s) => s.rows);
  const numeric = table.columns.map((c) => c.numeric);
  // A number column as wide as its widest value, and its title's longest word, and up to
  // NUMBER_WIDTH of its title; a text column as its longest value or title, up to TEXT_WIDTH.
  const widths = table.columns.map((c, i) => {
    const longest = Math.max(width(c.title), ...rows.map((r) => width(String(r[i] ?? ''))));
    const word = Math.max(...c.title.split(/\s+/).map(width));
    return numeric[i] ? Math.max(word, ...rows.map((r) => width(String(r[i] ?? ''))), Math.min(NUMBER_WIDTH, width(c.title))) : Math.max(word, Math.min(TEXT_WIDTH, longest));
  });
  const titles = table.columns.map((c, i) => wrap(c.title, widths[i] ?? 0));
  const height = Math.max(...titles.map((t) => t.length));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, numeric[i] ?? false))
      .join(GAP)
      .trimEnd();
  const out = [...(table.parentAgencyName ? [table.parentAgencyName.toLocaleUpperCase('vi')] : []), table.agencyName.toLocaleUpperCase('vi'), '', table.title, ...table.lines, ''];
  for (let k = 0; k < height; k++) out.push(line(titles.map((t) => t[k] ?? '')));
  out.push(widths.map((w) => '-'.repeat(w)).join(GAP));
  const cell = (v: ReportValue | undefined): string => String(v ?? '');
  for (const section of table.sections) {
    out.push(section.heading);
    for (const r of section.rows) {
      // A long text cell goes on as many lines as it needs, the other cells on its first.
      const wrapped = r.map((v, i) => (numeric[i] ? [cell(v)] : wrap(cell(v), widths[i] ?? 0)));
      const lines = Math.max(...wrapped.map((w) => w.length));
      for (let k = 0; k < lines; k++) out.push(line(wrapped.map((w) => w[k] ?? '')));
    }
  }
  return out.join('\n');
}
