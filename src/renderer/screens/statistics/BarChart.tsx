import { useId } from 'react';
import { showCount } from '../../util/format.ts';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

interface BarChartProps {
  readonly title: string;
  readonly bars: readonly Bar[];
  // What is counted, after the number: "văn bản", "lượt".
  readonly unit: string;
  readonly testId?: string;
}

// In SVG units; the chart is drawn at about this width in a panel's half, so 14 reads as ~14 px.
const WIDTH = 560;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 56;
const ROW = 28;
const BAR = 18;
const MAX_LABEL = 28;

const shortLabel = (label: string): string => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

// A horizontal bar chart drawn as plain SVG: one image for assistive technology, named by the
// chart's title and described by every bar's figure; each bar has its own <title> (the tooltip),
// and the same figures follow as a table, which is what a screen reader or a copy into a
// spreadsheet uses.
export function BarChart({ title, bars, unit, testId }: BarChartProps) {
  const id = useId();
  const max = Math.max(0, ...bars.map((b) => b.value));
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(1, bars.length) * ROW + 8;
  const phrase = (b: Bar): string => `${b.label}: ${showCount(b.value)} ${unit}`;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__caption">{title}</figcaption>
      <svg className="chart__svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{bars.length === 0 ? 'Không có số liệu.' : bars.map(phrase).join('; ')}</desc>
        {bars.map((b, i) => {
          const y = 4 + i * ROW;
          const width = max === 0 ? 0 : Math.max(b.value > 0 ? 2 : 0, (b.value / max) * room);
          return (
            <g key={`${b.label}-${i}`} className="chart__bar">
              <title>{phrase(b)}</title>
              <text x={LABEL_WIDTH - 8} y={y + BAR - 4} textAnchor="end" className="chart__label">
                {shortLabel(b.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={width} height={BAR} className="chart__rect" />
              <text x={LABEL_WIDTH + width + 6} y={y + BAR - 4} className="chart__value">
                {showCount(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="table chart__table">
        <caption>Số liệu của biểu đồ: {title}</caption>
        <thead>
          <tr>
            <th scope="col">Nội dung</th>
            <th scope="col" className="number">
              Số {unit}
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b, i) => (
            <tr key={`${b.label}-${i}`}>
              <th scope="row">{b.label}</th>
              <td className="number">{showCount(b.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
