import type { FileSource } from './file-source.ts';
import { NeedMoreBytes, ObjectParser } from './object-parser.ts';
import { brokenPdf } from './pdf-errors.ts';
import type { PdfValue } from './pdf-values.ts';

// One object's dictionary (a page, an annotation list…) is small; a window this large that still
// does not hold it means a hostile or broken file.
const FIRST_WINDOW = 4096;
const MAX_WINDOW = 32 * 1024 * 1024;

// Parses with `parse` over a window of the file starting at `offset`, growing the window while the
// value runs past its end.
export function parseAt<T>(source: FileSource, offset: number, parse: (parser: ObjectParser) => T): T {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= source.size) throw brokenPdf(`offset ${offset} outside the file`);
  for (let window = FIRST_WINDOW; ; window *= 4) {
    const buf = source.read(offset, window);
    const complete = offset + buf.length >= source.size;
    try {
      return parse(new ObjectParser(buf, offset, complete));
    } catch (e) {
      if (!(e instanceof NeedMoreBytes)) throw e;
      if (complete || window >= MAX_WINDOW) throw brokenPdf(`object at ${offset} does not end`);
    }
  }
}

export interface IndirectObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfValue;
}

// "N G obj value" at `offset` (leading whitespace tolerated, as writers differ on line ends).
export function readIndirectObjectAt(source: FileSource, offset: number): IndirectObject {
  return parseAt(source, offset, (parser) => {
    const { num, gen } = parser.readObjectHeader();
    return { num, gen, value: parser.value() };
  });
}
