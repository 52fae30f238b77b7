import type { DraftCanvas } from './draft-canvas.ts';
import type { DraftStyle } from './draft-fonts.ts';
import { ASCENT, CONTENT, DESCENT, INDENT, lineHeight, PARAGRAPH_GAP } from './draft-layout.ts';

export interface FlowOptions {
  readonly style: DraftStyle;
  readonly size: number;
  readonly align?: 'justify' | 'left' | 'center';
  readonly indent?: number;
  readonly x?: number;
  readonly width?: number;
  readonly gapAfter?: number;
}

// Where the baseline of a line sits in a line box whose top is `top`: the glyphs' box centred.
export function baselineIn(top: number, size: number): number {
  return top - (lineHeight(size) - size * (ASCENT + DESCENT)) / 2 - size * ASCENT;
}

// A paragraph at the cursor: justified with a first-line indent unless told otherwise, lines
// flowing onto the next page when the bottom margin is reached.
export function flowParagraph(c: DraftCanvas, text: string, o: FlowOptions): void {
  const align = o.align ?? 'justify';
  const indent = o.indent ?? (align === 'center' ? 0 : INDENT);
  const x = o.x ?? CONTENT.left;
  const width = o.width ?? CONTENT.width;
  const lh = lineHeight(o.size);
  c.wrap(text, o.style, o.size, width - indent, width).forEach((line, i) => {
    c.ensure(lh);
    const baseline = baselineIn(c.y, o.size);
    const lineX = x + (i === 0 ? indent : 0);
    const lineWidth = width - (i === 0 ? indent : 0);
    if (align === 'center') c.centred(line.words.join(' '), x + width / 2, baseline, o.style, o.size);
    else if (align === 'left') c.text(line.words.join(' '), lineX, baseline, o.style, o.size);
    else c.justified(line, lineX, baseline, lineWidth, o.style, o.size);
    c.y -= lh;
  });
  c.y -= o.gapAfter ?? PARAGRAPH_GAP;
}
