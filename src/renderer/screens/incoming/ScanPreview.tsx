import { useEffect, useRef, useState } from 'react';
import { FIELD_LABELS } from '../../../shared/api/field-labels.ts';
import type { OcrJobState } from '../../../shared/api/schemas/ocr.ts';
import { type FieldProposals, PREFILL_FIELDS, type PrefillField, type WordBox } from '../../../shared/api/schemas/prefill.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/api-error.ts';
import { base64ToBlob } from '../../util/files.ts';

interface ScanPreviewProps {
  readonly scan: OcrJobState;
  readonly proposals: FieldProposals;
  // The field the clerk is in: its words are marked more strongly, and its page is shown.
  readonly activeField: PrefillField | null;
}

// A page of the recognised scan with the words each proposal was read from marked on it
// (docs/ocr.md "In the app"), for the clerk to check a proposal against the paper. While the
// clerk is in a field that has a proposal, the view closes in on its lines (the whole width of
// the page, a few lines around), and stays in sight as the form scrolls; otherwise the whole page
// is shown small. The image is drawn on a canvas (the page's CSP allows no data: or blob: images)
// and the marks are an SVG over it in the image's own pixels.
export function ScanPreview({ scan, proposals, activeField }: ScanPreviewProps) {
  const pages = scan.pageInfo.filter((p) => p.status === 'recognised').map((p) => p.page);
  const activePage = activeField ? proposals[activeField]?.page : undefined;
  const [chosen, setChosen] = useState<number | null>(null);
  const page = activePage && pages.includes(activePage) ? activePage : (chosen ?? pages[0] ?? 1);
  const info = scan.pageInfo[page - 1];
  const canvas = useRef<HTMLCanvasElement>(null);
  const [bitmap, setBitmap] = useState<{ page: number; image: ImageBitmap } | null>(null);
  // Each kept with its page: a page chosen since shows neither.
  const [failure, setFailure] = useState<{ page: number; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const image = await call('ocr.pageImage', { jobId: scan.jobId, page });
        const decoded = await createImageBitmap(base64ToBlob(image.dataBase64, image.mimeType));
        if (live) setBitmap({ page, image: decoded });
        else decoded.close();
      } catch (e) {
        if (live) setFailure({ page, message: errorMessage(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [scan.jobId, page]);

  const active = activeField ? (proposals[activeField]?.boxes ?? []).filter((b) => b.page === page) : [];
  const view = info ? viewOf(active, info.widthPx, info.heightPx) : null;
  // The SVG's viewBox, "x y width height": the canvas is drawn again only when it changes.
  const viewBox = view ? `${view.x} ${view.y} ${view.width} ${view.height}` : null;
  const shown = bitmap?.page === page ? bitmap.image : null;
  useEffect(() => {
    const c = canvas.current;
    if (!c || !shown || !viewBox) return;
    const [x = 0, y = 0, width = 1, height = 1] = viewBox.split(' ').map(Number);
    c.width = width;
    c.height = height;
    c.getContext('2d')?.drawImage(shown, x, y, width, height, 0, 0, width, height);
  }, [shown, viewBox]);

  if (!info || !viewBox) return null;
  const marks = PREFILL_FIELDS.flatMap((field) => (proposals[field]?.boxes ?? []).filter((b) => b.page === page).map((box, i) => ({ field, box, key: `${field}-${i}` })));
  const index = pages.indexOf(page);
  const zoomed = active.length > 0;
  return (
    <figure className={zoomed ? 'scan-preview scan-preview--zoomed' : 'scan-preview'} data-testid="scan-preview" data-page={page} data-drawn={shown ? 'yes' : 'no'}>
      <figcaption>
        Bản quét, trang {page}/{scan.pageInfo.length}
        {zoomed ? `: khung đậm là chỗ đọc được ô ${FIELD_LABELS[activeField ?? ''] ?? activeField}` : ': khung vàng là chỗ đọc được các đề xuất; vào một ô để xem gần'}.
        {pages.length > 1 ? (
          <span className="scan-preview__pages">
            <button type="button" className="button button--quiet" disabled={index <= 0} onClick={() => setChosen(pages[index - 1] ?? page)}>
              Trang trước
            </button>
            <button type="button" className="button button--quiet" disabled={index >= pages.length - 1} onClick={() => setChosen(pages[index + 1] ?? page)}>
              Trang sau
            </button>
          </span>
        ) : null}
      </figcaption>
      {failure?.page === page ? <p className="field__error">{failure.message}</p> : null}
      <div className="scan-preview__frame">
      <div className="scan-preview__page">
        <canvas ref={canvas} aria-hidden="true" />
        <svg viewBox={viewBox} preserveAspectRatio="none" role="img" aria-label={`Trang ${page} của bản quét, ${marks.length} chỗ được đánh dấu`}>
          {marks.map(({ field, box, key }) => (
            <rect key={key} data-field={field} className={field === activeField ? 'scan-mark scan-mark--active' : 'scan-mark'} x={box.x0} y={box.y0} width={box.x1 - box.x0} height={box.y1 - box.y0}>
              <title>
                {FIELD_LABELS[field] ?? field}: {proposals[field]?.value}
              </title>
            </rect>
          ))}
        </svg>
      </div>
      </div>
    </figure>
  );
}

interface View {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

// The part of the page shown: the whole page, or the full width around the active field's words
// with about two lines above and below them.
function viewOf(boxes: readonly WordBox[], width: number, height: number): View {
  if (boxes.length === 0) return { x: 0, y: 0, width, height };
  const top = Math.min(...boxes.map((b) => b.y0));
  const bottom = Math.max(...boxes.map((b) => b.y1));
  const line = Math.max(...boxes.map((b) => b.y1 - b.y0));
  const y = Math.max(0, Math.floor(top - 2.5 * line));
  return { x: 0, y, width, height: Math.min(height, Math.ceil(bottom + 2.5 * line)) - y };
}
