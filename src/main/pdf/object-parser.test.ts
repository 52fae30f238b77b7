import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { NeedMoreBytes, ObjectParser } from './object-parser.ts';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString } from './pdf-values.ts';
import { serializeValue } from './serialize.ts';

function parse(text: string, complete = true): ReturnType<ObjectParser['value']> {
  return new ObjectParser(Buffer.from(text, 'latin1'), 100, complete).value();
}

describe('ObjectParser', () => {
  it('reads every kind of value', () => {
    const v = parse('<</A 1 /B -2.5 /C [1 0 R 2 (x\\(y\\)\\101) <4142 43>] /D#20E true /F null /G .5>>') as PdfDict;
    expect(v).toBeInstanceOf(PdfDict);
    expect(v.get('A')).toBe(1);
    expect(v.get('B')).toBe(-2.5);
    const c = v.get('C') as unknown[];
    expect(c[0]).toEqual(new PdfRef(1, 0));
    expect(c[1]).toBe(2);
    expect(Buffer.from((c[2] as PdfString).bytes).toString('latin1')).toBe('x(y)A');
    expect(Buffer.from((c[3] as PdfString).bytes).toString('latin1')).toBe('ABC');
    expect(v.get('D E')).toBe(true);
    expect(v.get('F')).toBeNull();
    expect(v.get('G')).toBe(0.5);
  });

  it('tells "1 0" from "1 0 R"', () => {
    expect(parse('[1 0 2 0 R 3]')).toEqual([1, 0, new PdfRef(2, 0), 3]);
  });

  it('records where a stream starts in the file, after its end-of-line', () => {
    const parser = new ObjectParser(Buffer.from('7 0 obj\n<</Length 3>>\nstream\r\nabc\nendstream', 'latin1'), 1000, true);
    expect(parser.readObjectHeader()).toEqual({ num: 7, gen: 0 });
    const s = parser.value() as PdfStream;
    expect(s).toBeInstanceOf(PdfStream);
    expect(s.dataOffset).toBe(1000 + '7 0 obj\n<</Length 3>>\nstream\r\n'.length);
  });

  it('asks for more bytes when a window ends inside a value, and refuses when the data is all there is', () => {
    expect(() => parse('<</A [1 2', false)).toThrow(NeedMoreBytes);
    expect(() => parse('<</A [1 2', true)).toThrow(AppError);
  });

  it('refuses nesting deep enough to overflow the stack', () => {
    expect(() => parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toThrow(/nesting deeper/);
    expect(parse(`${'['.repeat(50)}${']'.repeat(50)}`)).toBeInstanceOf(Array);
  });

  it('refuses a stray delimiter instead of guessing', () => {
    expect(() => parse('<</A ]>>')).toThrow(AppError);
  });

  it('writes back what it read', () => {
    const text = '<</Type /Annot /Rect [0 0 10.5 20] /T (a\\(b\\)) /D#2fX <00ff> /R 3 0 R /N null /B false>>';
    expect(serializeValue(parse(text))).toBe(text);
    expect(serializeValue(new PdfName('a b'))).toBe('/a#20b');
    expect(serializeValue(1e-7)).toBe('0');
    expect(serializeValue(123.4567891)).toBe('123.456789');
  });
});
