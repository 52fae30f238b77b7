// The standard of a digitised document (Decree 30/2020 Appendix I, Part II, I.2): PDF 1.4 or
// later, colour images, at least 200 dpi (100% scale). What was measured in the file comes in;
// the problems, in Vietnamese and naming the rule, go out (docs/copies.md "Digitising").

export const MIN_PDF_VERSION = 1.4;
export const MIN_DPI = 200;

export interface ScannedImage {
  readonly widthPx: number;
  readonly heightPx: number;
  // Colour space family as written (DeviceRGB, ICCBased/3, Indexed/DeviceRGB, DeviceGray…).
  readonly colourSpace: string;
  readonly colour: boolean;
}

export interface ScannedPage {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly images: readonly ScannedImage[];
}

export interface ScanFacts {
  readonly pdfVersion: string;
  readonly pages: readonly ScannedPage[];
}

export interface PageMeasure {
  readonly page: number;
  readonly dpi: number | null;
  readonly colour: boolean | null;
}

export interface ScanVerdict {
  readonly ok: boolean;
  readonly pdfVersion: string;
  readonly minDpi: number | null;
  readonly colour: boolean;
  readonly pages: readonly PageMeasure[];
  readonly problemsVi: readonly string[];
}

const RULE = 'Phụ lục I Nghị định 30/2020, Phần II, mục I.2';

// The page's scan is its largest image; a scanner writes one per page that fills it. Its
// resolution is its pixel size over the page size in inches, the smaller of the two directions
// (a scan stretched one way is no sharper the other way).
function measure(page: ScannedPage, index: number): PageMeasure {
  const largest = [...page.images].sort((a, b) => b.widthPx * b.heightPx - a.widthPx * a.heightPx)[0];
  if (!largest || page.widthPt <= 0 || page.heightPt <= 0) return { page: index + 1, dpi: null, colour: null };
  // An image laid landscape on a portrait page (or the reverse) is compared side for side.
  const [w, h] = (largest.widthPx >= largest.heightPx) === (page.widthPt >= page.heightPt) ? [largest.widthPx, largest.heightPx] : [largest.heightPx, largest.widthPx];
  // Rounded to a whole dpi: a PNG stores its density in pixels per metre, so a 200 dpi scan reads
  // back as 199.9996 dpi.
  const dpi = Math.round(Math.min(w / (page.widthPt / 72), h / (page.heightPt / 72)));
  return { page: index + 1, dpi, colour: largest.colour };
}

export function checkScan(facts: ScanFacts): ScanVerdict {
  const problems: string[] = [];
  const version = Number.parseFloat(facts.pdfVersion);
  if (!(version >= MIN_PDF_VERSION)) problems.push(`Tệp là PDF phiên bản ${facts.pdfVersion}; văn bản số hóa phải là PDF phiên bản 1.4 trở lên (${RULE}.a).`);
  if (facts.pages.length === 0) problems.push('Tệp không có trang nào.');
  const pages = facts.pages.map(measure);
  const noImage = pages.filter((p) => p.dpi === null).map((p) => p.page);
  if (noImage.length > 0) {
    problems.push(`Trang ${noImage.join(', ')} không có ảnh quét: văn bản số hóa là ảnh chụp hoặc quét của bản giấy, không phải tệp soạn trên máy.`);
  }
  const grey = pages.filter((p) => p.colour === false).map((p) => p.page);
  if (grey.length > 0) problems.push(`Trang ${grey.join(', ')} là ảnh đen trắng hoặc xám; văn bản số hóa phải là ảnh màu (${RULE}.b): hãy quét lại ở chế độ màu.`);
  const low = pages.filter((p) => p.dpi !== null && p.dpi < MIN_DPI);
  for (const p of low) {
    problems.push(`Trang ${p.page}: độ phân giải ${p.dpi} dpi, thấp hơn ${MIN_DPI} dpi (${RULE}.c): hãy quét lại ở ${MIN_DPI} dpi trở lên, tỷ lệ 100%.`);
  }
  const dpis = pages.map((p) => p.dpi).filter((d): d is number => d !== null);
  return {
    ok: problems.length === 0,
    pdfVersion: facts.pdfVersion,
    minDpi: dpis.length > 0 ? Math.min(...dpis) : null,
    colour: pages.length > 0 && pages.every((p) => p.colour === true),
    pages,
    problemsVi: problems,
  };
}
