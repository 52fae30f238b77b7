// pdf.js for the page preview, loaded only when a sign dialog first shows a page. Its worker is
// built by Vite as a worker chunk of the app (`?worker`), so it runs from the app's own origin
// with a .js name: the CSP allows it (worker-src 'self') and both servers send it as JavaScript.
// The ready-made `pdf.worker.min.mjs` through `?url` would keep its .mjs name, which the loopback
// bridge does not serve. No WebAssembly (the CSP has no 'wasm-unsafe-eval'); a draft's images and
// fonts need none.
let worker: Worker | null = null;

async function pdfjs() {
  const [lib, { default: PdfWorker }] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]);
  if (!worker) {
    worker = new PdfWorker();
    lib.GlobalWorkerOptions.workerPort = worker;
  }
  return lib;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface RenderedPage {
  // CSS pixels per PDF point.
  readonly scale: number;
}

// Draws page `pageIndex` (0-based) of the PDF onto the canvas, `cssWidth` pixels wide (sharp on a
// high-density screen), and gives the scale the rectangle overlay uses.
export async function renderPage(base64: string, pageIndex: number, canvas: HTMLCanvasElement, cssWidth: number, signal: AbortSignal): Promise<RenderedPage> {
  const lib = await pdfjs();
  const task = lib.getDocument({ data: bytesOf(base64), useWasm: false, isOffscreenCanvasSupported: true, stopAtErrors: false });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(pageIndex + 1);
    const base = page.getViewport({ scale: 1 });
    const scale = cssWidth / base.width;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${cssWidth}px`;
    canvas.style.height = `${Math.floor(base.height * scale)}px`;
    if (signal.aborted) return { scale };
    await page.render({ canvas, viewport }).promise;
    return { scale };
  } finally {
    // Destroying the loading task destroys its document too, and frees the worker's copy.
    await task.destroy();
  }
}

// Draws every page of the PDF, page i onto canvases[i], `cssWidth` pixels wide, opening the
// document once (the draft's live preview).
export async function renderPages(base64: string, canvases: readonly HTMLCanvasElement[], cssWidth: number, signal: AbortSignal): Promise<void> {
  const lib = await pdfjs();
  const task = lib.getDocument({ data: bytesOf(base64), useWasm: false, isOffscreenCanvasSupported: true, stopAtErrors: false });
  try {
    const doc = await task.promise;
    for (const [i, canvas] of canvases.entries()) {
      if (signal.aborted || i >= doc.numPages) return;
      const page = await doc.getPage(i + 1);
      const base = page.getViewport({ scale: 1 });
      const scale = cssWidth / base.width;
      const viewport = page.getViewport({ scale: scale * (window.devicePixelRatio || 1) });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${Math.floor(base.height * scale)}px`;
      await page.render({ canvas, viewport }).promise;
    }
  } finally {
    await task.destroy();
  }
}
