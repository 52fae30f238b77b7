import { describe, expect, it } from 'vitest';
import { hocrLines } from './hocr-lines.ts';

// As Tesseract 5 writes it (tesseract.js 7, `hocr: true`): a line's title in double quotes, a
// word's in single quotes, its text escaped by HOcrEscape.
const PAGE = `<div class='ocr_page' id='page_1' title='image "unknown"; bbox 0 0 2481 3508; ppageno 0; scan_res 300 300'>
 <div class='ocr_carea' id='block_1_1' title="bbox 328 230 2478 3015">
  <p class='ocr_par' id='par_1_1' lang='vie' title="bbox 582 230 2311 313">
   <span class='ocr_line' id='line_1_1' title="bbox 582 230 2311 313; baseline 0.023 -45; x_size 53; x_descenders 9; x_ascenders 10">
    <span class='ocrx_word' id='word_1_1' title='bbox 582 234 720 270; x_wconf 91'>UBND</span>
    <span class='ocrx_word' id='word_1_2' title='bbox 735 230 805 273; x_wconf 96'>XÃ</span>
   </span>
  </p>
  <p class='ocr_par' id='par_1_2' lang='vie' title="bbox 616 383 2216 463">
   <span class='ocr_header' id='line_1_2' title="bbox 616 383 1040 431; baseline 0 -7; x_size 51.5; x_descenders 11; x_ascenders 14">
    <span class='ocrx_word' id='word_1_3' title='bbox 616 383 681 424; x_wconf 93'>&quot;Số&quot;</span>
    <span class='ocrx_word' id='word_1_4' title='bbox 701 387 1040 431; x_wconf 92'><strong>A&amp;B&lt;&#39;&gt;</strong></span>
   </span>
   <span class='ocr_caption' id='line_1_3' title="bbox 616 500 700 540; x_size 30; x_descenders 6; x_ascenders 8">
   </span>
  </p>
 </div>
</div>
`;

describe('hOCR lines', () => {
  it('reads each line with its box, its baseline as two ends, its row height and its words', () => {
    const [first] = hocrLines(PAGE);
    expect(first).toEqual({
      bbox: { x0: 582, y0: 230, x1: 2311, y1: 313 },
      // From the bottom left: 313 - 45, then 0.023 a pixel across the 1729 of the line.
      baseline: { x0: 582, y0: 268, x1: 2311, y1: 268 + 0.023 * 1729 },
      rowHeight: 53,
      words: [
        { text: 'UBND', confidence: 91, bbox: { x0: 582, y0: 234, x1: 720, y1: 270 } },
        { text: 'XÃ', confidence: 96, bbox: { x0: 735, y0: 230, x1: 805, y1: 273 } },
      ],
    });
  });

  it('takes headings and captions as lines, unescapes the text and drops font tags', () => {
    const lines = hocrLines(PAGE);
    expect(lines).toHaveLength(3);
    expect(lines[1]?.words.map((w) => w.text)).toEqual(['"Số"', "A&B<'>"]);
    expect(lines[1]?.rowHeight).toBe(51.5);
    expect(lines[1]?.baseline).toEqual({ x0: 616, y0: 424, x1: 1040, y1: 424 });
    // No baseline given: level along the box's bottom; no words.
    expect(lines[2]).toMatchObject({ baseline: { y0: 540, y1: 540 }, rowHeight: 30, words: [] });
  });

  it('gives nothing for a page without text', () => {
    expect(hocrLines("<div class='ocr_page' id='page_1' title='bbox 0 0 10 10'>\n</div>\n")).toEqual([]);
    expect(hocrLines('')).toEqual([]);
  });
});
