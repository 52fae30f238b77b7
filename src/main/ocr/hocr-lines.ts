// The recognised lines and words of a page, read from Tesseract's hOCR (docs/ocr.md "Memory").
// tesseract.js can also give them as `blocks`, a JSON tree with every letter and its choices:
// building it grew the WebAssembly heap (which never shrinks) by 38 MB more on a grainy page,
// for nothing the app reads. hOCR holds the same iterator's boxes, baselines, row heights and
// word confidences.

export interface EngineBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface EngineWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: EngineBox;
}

export interface EngineLine {
  readonly bbox: EngineBox;
  // Where the letters sit, from the line's left end to its right.
  readonly baseline: EngineBox;
  // Descenders to ascenders, in pixels.
  readonly rowHeight: number;
  readonly words: readonly EngineWord[];
}

// Tesseract's classes of a line: a heading, a caption and a pulled-out line are lines too.
const LINE = /<span class='(?:ocr_line|ocr_header|ocr_caption|ocr_textfloat)'[^>]*?title=(["'])(.*?)\1[^>]*>/g;
const WORD = /<span class='ocrx_word'[^>]*?title=(["'])(.*?)\1[^>]*>([\s\S]*?)<\/span>/g;
// What Tesseract's HOcrEscape writes.
const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

// One property of a title ("bbox 10 20 30 40; baseline 0.01 -9; x_size 40"), as numbers.
function property(title: string, name: string): number[] | null {
  const part = title
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${name} `));
  return part ? part.slice(name.length + 1).trim().split(/\s+/).map(Number) : null;
}

function boxOf(title: string): EngineBox {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = property(title, 'bbox') ?? [];
  return { x0, y0, x1, y1 };
}

// hOCR's baseline is `slope offset` from the box's bottom left; the line model wants its ends.
function baselineOf(title: string, bbox: EngineBox): EngineBox {
  const [slope = 0, offset = 0] = property(title, 'baseline') ?? [];
  const y0 = bbox.y1 + offset;
  return { x0: bbox.x0, y0, x1: bbox.x1, y1: y0 + slope * (bbox.x1 - bbox.x0) };
}

// A word's text without the tags font information would add (<strong>, <em>).
const wordText = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e);

export function hocrLines(hocr: string): EngineLine[] {
  const starts = [...hocr.matchAll(LINE)];
  return starts.map((start, i) => {
    const title = start[2] ?? '';
    const bbox = boxOf(title);
    // A line's words are between its start and the next line's.
    const body = hocr.slice(start.index + start[0].length, starts[i + 1]?.index ?? hocr.length);
    const words = [...body.matchAll(WORD)].map((w) => ({ text: wordText(w[3] ?? ''), confidence: property(w[2] ?? '', 'x_wconf')?.[0] ?? 0, bbox: boxOf(w[2] ?? '') }));
    return { bbox, baseline: baselineOf(title, bbox), rowHeight: property(title, 'x_size')?.[0] ?? bbox.y1 - bbox.y0, words };
  });
}
