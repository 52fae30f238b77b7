import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, type PointerEvent, useEffect, useId, useRef, useState } from 'react';
import type { SignatureKind } from '../../../shared/domain/signature-kinds.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiQuery } from '../../api/queries.ts';
import { Notice } from '../../components/Notice.tsx';
import { renderPage } from './pdf-page.ts';
import { basisName } from './signing-words.ts';
import { describeRect, dragToPoints, keyToPoints, moveRect, type PageSize, type PdfRect, rectToBox } from './placement.ts';

export interface Placement {
  readonly page: number;
  readonly rect: PdfRect;
}

interface PagePreviewProps {
  readonly documentId: number;
  readonly sha256: string;
  readonly fileName: string;
  readonly kind: SignatureKind;
  // Where the clerk moved the signature to, or null for the server's default place.
  readonly placement: Placement | null;
  readonly onMove: (placement: Placement) => void;
}

interface Loaded {
  readonly page: number;
  readonly rect: PdfRect;
  readonly basis: string;
  readonly size: PageSize;
  readonly scale: number;
}

const PREVIEW_WIDTH = 420;

// The page the signature goes on, drawn by pdf.js, with the signature's rectangle over it at the
// server's default place (from the draft's placeholder or anchor text). The rectangle moves by
// dragging and, once focused, by the arrow keys (Shift: ten times further).
export function PagePreview({ documentId, sha256, fileName, kind, placement, onMove }: PagePreviewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const where = useQuery(apiQuery('signing.placement', { documentId, sha256, kind }));
  // A PDF may be tens of MB: its bytes are not kept once the preview closes.
  const content = useQuery({ ...apiQuery('documents.readAttachment', { documentId, sha256 }), gcTime: 0 });
  const [scale, setScale] = useState<number | null>(null);
  const [drawError, setDrawError] = useState<unknown>(null);
  const drag = useRef<{ x: number; y: number; rect: PdfRect } | null>(null);
  const hintId = useId();

  const answer = where.data;
  const pdfBase64 = content.data?.dataBase64;
  useEffect(() => {
    if (!answer?.pages[answer.page] || !pdfBase64 || !canvas.current) return;
    const abort = new AbortController();
    renderPage(pdfBase64, answer.page, canvas.current, PREVIEW_WIDTH, abort.signal)
      .then((drawn) => {
        if (!abort.signal.aborted) setScale(drawn.scale);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setDrawError(e);
      });
    return () => abort.abort();
  }, [answer, pdfBase64]);

  const size = answer?.pages[answer.page];
  const loaded: Loaded | null =
    answer && size && scale !== null ? { page: answer.page, rect: [answer.rect[0], answer.rect[1], answer.rect[2], answer.rect[3]], basis: answer.basis, size, scale } : null;
  const failed = where.error ?? content.error ?? drawError;
  const error = failed ? `Chưa xem trước được trang ký của "${fileName}": ${errorMessage(failed)}` : null;

  const rect = placement?.rect ?? loaded?.rect ?? null;
  const box = loaded && rect ? rectToBox(rect, loaded.size, loaded.scale) : null;

  const move = (dx: number, dy: number, from: PdfRect) => {
    if (loaded) onMove({ page: loaded.page, rect: moveRect(from, dx, dy, loaded.size) });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = keyToPoints(e.key, e.shiftKey);
    if (!step || !rect) return;
    e.preventDefault();
    move(step.dx, step.dy, rect);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!rect) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: e.clientX, y: e.clientY, rect };
  };
  const onPointerMove = (e: PointerEvent) => {
    const start = drag.current;
    if (!start || !loaded) return;
    const { dx, dy } = dragToPoints(e.clientX - start.x, e.clientY - start.y, loaded.scale);
    move(dx, dy, start.rect);
  };
  const endDrag = () => {
    drag.current = null;
  };

  return (
    <figure className="page-preview" aria-label={`Xem trước trang ký: ${fileName}`}>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="page-preview__sheet">
        <canvas ref={canvas} className="page-preview__canvas" />
        {box && rect ? (
          <div
            className="page-preview__rect"
            role="button"
            tabIndex={0}
            aria-label={`Vị trí chữ ký, ${describeRect(rect)}`}
            aria-describedby={hintId}
            style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
            onKeyDown={onKeyDown}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
          />
        ) : null}
        {!loaded && !error ? <p className="page-preview__loading">Đang tải trang…</p> : null}
      </div>
      <figcaption>
        {loaded && rect ? (
          <>
            Trang {loaded.page + 1}; chữ ký {describeRect(rect)}
            {placement ? ' (đã dời)' : ` (mặc định: ${basisName(loaded.basis)})`}.{' '}
          </>
        ) : null}
        <span id={hintId}>Kéo khung, hoặc chọn khung rồi dùng phím mũi tên (Shift: bước lớn) để dời chữ ký.</span>
      </figcaption>
    </figure>
  );
}
