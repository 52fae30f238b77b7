import type { OcrJobState } from '../../../shared/api/schemas/ocr.ts';

interface ScanProgressProps {
  readonly scan: OcrJobState;
  readonly onCancel: () => void;
}

// The recognition of a scan as it runs (docs/ocr.md "In the app"): the page being read with its
// own bar, the whole file's bar, and the way to stop it.
export function ScanProgress({ scan, onCancel }: ScanProgressProps) {
  const percent = (f: number) => Math.round(f * 100);
  return (
    <div className="scan-progress" data-testid="scan-progress">
      <p>
        Đang nhận dạng chữ bản quét {scan.fileName}
        {scan.pages > 0 ? `: trang ${scan.page}/${scan.pages}` : '…'}
      </p>
      <label className="scan-progress__bar">
        <span>Trang {scan.page > 0 ? scan.page : 1}</span>
        <progress max={100} value={percent(scan.pageFraction)} aria-valuetext={`${percent(scan.pageFraction)}%`} data-testid="scan-page-progress" />
      </label>
      <label className="scan-progress__bar">
        <span>Cả tệp</span>
        <progress max={100} value={percent(scan.fraction)} aria-valuetext={`${percent(scan.fraction)}%`} />
      </label>
      <button type="button" className="button" onClick={onCancel}>
        Dừng nhận dạng
      </button>
    </div>
  );
}
