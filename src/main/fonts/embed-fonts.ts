import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { FontFace } from './font-face.ts';
import { type FontStyle, readFontFile } from './font-files.ts';
import { postScriptNameOf } from './truetype-check.ts';

// Embeds the styles a pdf-lib document uses as subsets. PDF readers recognise a subset by a
// six-letter tag before its name (PDF 32000 §9.6.4); pdf-lib adds none, so the caller says which
// (books draw a random one, drafts derive theirs from the content for reproducible bytes). The
// name is the face's own PostScript name (TimesNewRomanPSMT, LiberationSerif-Bold), as the
// signing's stamps name theirs (pdf/embedded-font.ts) and as readers show it; a face without
// one (none we accept) is named after its style.
export async function embedFonts<S extends FontStyle>(
  doc: PDFDocument,
  styles: readonly S[],
  tagOf: (style: S) => string,
  fontsDir?: string,
): Promise<Record<S, FontFace>> {
  doc.registerFontkit(fontkit);
  const faces = {} as Record<S, FontFace>;
  for (const style of styles) {
    const bytes = await readFontFile(style, fontsDir);
    const postScriptName = (postScriptNameOf(bytes) ?? style).replace(/[^A-Za-z0-9-]/g, '');
    faces[style] = new FontFace(await doc.embedFont(bytes, { subset: true, customName: `${tagOf(style)}+${postScriptName}` }), bytes);
  }
  return faces;
}
