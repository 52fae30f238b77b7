import { deflateSync } from 'node:zlib';
import { SubsetFont } from './embedded-font.ts';
import { streamBody, type ObjectNumbers, type UpdateObject } from './incremental-writer.ts';
import { pngToXObject } from './png-image.ts';
import { PdfDict, pdfName, PdfRef } from './pdf-values.ts';

export interface TextLine {
  readonly text: string;
  readonly size: number;
}

export interface AppearanceContent {
  readonly width: number;
  readonly height: number;
  readonly image?: { readonly png: Uint8Array };
  readonly lines?: readonly TextLine[];
  // The program's fonts folder (program/resources.ts); the source tree's when absent.
  readonly fontsDir?: string;
}

const LINE_SPACING = 1.2;

function n(x: number): string {
  return Number(x.toFixed(4)).toString();
}

function formXObject(num: number, width: number, height: number, resources: PdfDict, content: string): UpdateObject {
  const dict = new PdfDict()
    .set('Type', pdfName('XObject'))
    .set('Subtype', pdfName('Form'))
    .set('BBox', [0, 0, width, height])
    .set('Resources', resources)
    .set('Filter', pdfName('FlateDecode'));
  return { num, gen: 0, body: streamBody(dict, deflateSync(Buffer.from(content, 'latin1'))) };
}

// The normal appearance (/AP /N) of a signature widget or stamp: the image fitted into the box
// with its aspect kept and centred, then black text lines from the top-left corner downwards.
// A `shared` font is written by the caller once for several appearances; otherwise the
// appearance brings its own subset.
export async function buildAppearance(content: AppearanceContent, numbers: ObjectNumbers, shared?: SubsetFont): Promise<{ ref: PdfRef; objects: UpdateObject[] }> {
  const ref = new PdfRef(numbers.allocate(), 0);
  const objects: UpdateObject[] = [];
  const resources = new PdfDict();
  const ops: string[] = [];
  if (content.image) {
    const image = pngToXObject(content.image.png, numbers);
    objects.push(...image.objects);
    resources.set('XObject', new PdfDict().set('Im0', image.ref));
    const scale = Math.min(content.width / image.width, content.height / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    ops.push(`q ${n(w)} 0 0 ${n(h)} ${n((content.width - w) / 2)} ${n((content.height - h) / 2)} cm /Im0 Do Q`);
  }
  const lines = content.lines ?? [];
  if (lines.length > 0) {
    const font = shared ?? (await SubsetFont.create(numbers, 'regular', content.fontsDir));
    resources.set('Font', new PdfDict().set('F0', font.ref));
    let top = content.height;
    ops.push('BT 0 g');
    for (const line of lines) {
      const baseline = top - font.ascent(line.size);
      ops.push(`/F0 ${n(line.size)} Tf 1 0 0 1 0 ${n(baseline)} Tm ${font.encode(line.text)} Tj`);
      top -= line.size * LINE_SPACING;
    }
    ops.push('ET');
    if (!shared) objects.push(...(await font.objects(numbers)));
  }
  objects.unshift(formXObject(ref.num, content.width, content.height, resources, ops.join('\n')));
  return { ref, objects };
}
