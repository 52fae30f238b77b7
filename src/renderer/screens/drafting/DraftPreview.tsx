import { createRef, type RefObject, useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { Notice } from '../../components/Notice.tsx';
import { renderPages } from '../signing/pdf-page.ts';
import type { DraftPreviewState } from './use-draft-preview.ts';

const PAGE_WIDTH = 460;

// The rendered draft, every page one under the other in a scrolling column, drawn by pdf.js as in
// the sign dialog. While the clerk types a draft the server refuses, the last good rendering stays
// with the server's message above it.
export function DraftPreview({ preview }: { readonly preview: DraftPreviewState }) {
  const pages = preview.pdf?.pages ?? 0;
  const canvases = useMemo(() => Array.from({ length: pages }, () => createRef<HTMLCanvasElement>()), [pages]);
  const [drawn, setDrawn] = useState<string | null>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  const pdfBase64 = preview.pdf?.pdfBase64 ?? null;

  useEffect(() => {
    if (!pdfBase64) return;
    const abort = new AbortController();
    const targets = canvases.map((c: RefObject<HTMLCanvasElement | null>) => c.current).filter((c): c is HTMLCanvasElement => c !== null);
    renderPages(pdfBase64, targets, PAGE_WIDTH, abort.signal)
      .then(() => {
        if (!abort.signal.aborted) {
          setDrawn(pdfBase64);
          setDrawError(null);
        }
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setDrawError(`Chưa vẽ được bản xem trước: ${errorMessage(e)}`);
      });
    return () => abort.abort();
  }, [pdfBase64, canvases]);

  const status = preview.rendering ? 'Đang cập nhật bản xem trước…' : preview.failure ? 'Bản xem trước chưa theo kịp nội dung vừa nhập.' : `${pages} trang.`;
  return (
    <figure className="draft-preview" aria-label="Xem trước văn bản" aria-busy={preview.rendering || drawn !== pdfBase64}>
      {/* A figcaption may not take the status role itself: the announced text is inside it. */}
      <figcaption>
        <span role="status" data-testid="draft-preview-status">
          {status}
        </span>
      </figcaption>
      {preview.failure ? <Notice tone="warning">{preview.failure}</Notice> : null}
      {drawError ? <Notice tone="error">{drawError}</Notice> : null}
      <div className="draft-preview__pages">
        {canvases.map((ref, i) => (
          <canvas key={i} ref={ref} className="draft-preview__page" aria-label={`Trang ${i + 1}`} data-drawn={drawn === pdfBase64 ? 'yes' : 'no'} />
        ))}
        {!preview.pdf && !preview.failure ? <p className="muted">Đang dựng bản xem trước…</p> : null}
      </div>
    </figure>
  );
}
