import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { FontFace } from './font-face.ts';
import { fontFileName, type FontStyle, readFontFile } from './font-files.ts';

// Embeds the styles a pdf-lib document uses as subsets. PDF readers recognise a subset by a
// six-letter tag before its name (PDF 32000 §9.6.4); pdf-lib adds none, so the caller says which
// (books draw a random one, drafts derive theirs from the content for reproducible bytes).
export async function embedFonts<S extends FontStyle>(
  doc: PDFDocument,
  styles: readonly S[],
  tagOf: (style: S) => string,
  fontsDir?: string,
): Promise<Record<S, FontFace>> {
  doc.registerFontkit(fontkit);
  const faces = {} as Record<S, FontFace>;
  for (const style of styles) {
    const name = `${tagOf(style)}+${fontFileName(style).replace('.ttf', '')}`;
    faces[style] = new FontFace(await doc.embedFont(await readFontFile(style, fontsDir), { subset: true, customName: name }));
  }
  return faces;
}
