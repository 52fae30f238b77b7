import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { PdfDict, pdfName } from './pdf-values.ts';
import { decodeStreamData } from './stream-decode.ts';

describe('decodeStreamData', () => {
  it('undoes FlateDecode with the PNG Up predictor that xref streams use', () => {
    // Two rows of three columns, the second stored as the difference from the first.
    const rows = Buffer.from([2, 1, 2, 3, 2, 1, 1, 1]);
    const dict = new PdfDict().set('Filter', pdfName('FlateDecode')).set('DecodeParms', new PdfDict().set('Predictor', 12).set('Columns', 3));
    expect([...decodeStreamData(dict, deflateSync(rows))]).toEqual([1, 2, 3, 2, 3, 4]);
  });

  it('refuses filters it does not read and corrupt data', () => {
    expect(() => decodeStreamData(new PdfDict().set('Filter', pdfName('LZWDecode')), Buffer.alloc(4))).toThrow(AppError);
    expect(() => decodeStreamData(new PdfDict().set('Filter', pdfName('FlateDecode')), Buffer.from('not zlib'))).toThrow(AppError);
  });

  it('refuses a compression bomb', () => {
    const bomb = deflateSync(Buffer.alloc(65 * 1024 * 1024));
    expect(() => decodeStreamData(new PdfDict().set('Filter', pdfName('FlateDecode')), bomb)).toThrow(AppError);
  });
});
