import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { buildIncrementalUpdate, ObjectNumbers, streamBody, valueBody } from '../../src/main/pdf/incremental-writer.ts';
import { listPages } from '../../src/main/pdf/page-tree.ts';
import { PdfReader } from '../../src/main/pdf/pdf-reader.ts';
import { PdfDict, PdfRef } from '../../src/main/pdf/pdf-values.ts';

// Sample PDFs for the PDF tests, made at test time from the tools that make real-world PDFs:
// pdf-lib (classic xref or object streams), qpdf (xref streams, QDF, linearized), Chromium's
// print-to-PDF, and a hand-written incremental update.

export async function pdfLibSample(path: string, options: { objectStreams: boolean; pages?: number }): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < (options.pages ?? 2); i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Sample page ${i + 1}`, { x: 72, y: 760, size: 14, font });
  }
  doc.setTitle('Sample');
  writeFileSync(path, await doc.save({ useObjectStreams: options.objectStreams }));
  return path;
}

export function qpdfVariant(input: string, output: string, args: readonly string[]): string {
  execFileSync('qpdf', [...args, input, output]);
  return output;
}

export function chromiumSample(dir: string): string {
  const html = join(dir, 'page.html');
  const out = join(dir, 'chromium.pdf');
  writeFileSync(html, '<!doctype html><meta charset="utf-8"><h1>Công văn mẫu</h1><p>Ủy ban nhân dân xã Tân Phú.</p>');
  execFileSync(
    '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-pdf-header-footer', `--print-to-pdf=${out}`, html],
    { stdio: 'ignore', timeout: 60_000 },
  );
  return out;
}

// Appends, by hand, a revision that replaces the document information dictionary, the way an
// editor saving incrementally would: the file then has two revisions chained by /Prev.
export function appendInfoRevision(input: string, output: string): string {
  const bytes = readFileSync(input);
  const text = bytes.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(text.slice(startxref))?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text.slice(startxref))?.[1];
  if (!Number.isInteger(startxref) || !Number.isInteger(size) || !root) throw new Error(`cannot find the trailer of ${input}`);
  const object = `\n${size} 0 obj\n<</Title (Revised) /Producer (hand)>>\nendobj\n`;
  const objectAt = bytes.length + 1;
  const xrefAt = bytes.length + object.length;
  const tail = `xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n\r\ntrailer\n<</Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  writeFileSync(output, Buffer.concat([bytes, Buffer.from(object + tail, 'latin1')]));
  return output;
}

export function qpdfCheck(path: string): string {
  return execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
}

// Appends a revision that draws over page 1 by replacing its /Contents: the kind of change made
// after signing that a verifier must report as "modified after signing".
export function appendPageContentRevision(input: string, output: string): string {
  const reader = PdfReader.open(input);
  try {
    const numbers = new ObjectNumbers(reader);
    const page = listPages(reader)[0];
    if (!page) throw new Error(`${input} has no page`);
    const content = numbers.allocate();
    const pageDict = page.dict.clone().set('Contents', new PdfRef(content, 0));
    const update = buildIncrementalUpdate(reader, numbers, [
      { num: content, gen: 0, body: streamBody(new PdfDict(), Buffer.from('0 0 1 rg 50 50 200 200 re f', 'latin1')) },
      { num: page.ref.num, gen: 0, body: valueBody(pageDict) },
    ]);
    writeFileSync(output, Buffer.concat([readFileSync(input), update.bytes]));
    return output;
  } finally {
    reader.close();
  }
}

// --- Shapes real offices produce (test/integration/pdf-shapes.test.ts) ---

interface HandObject {
  readonly num: number;
  readonly gen?: number;
  readonly body: string | Buffer;
}

function flateStream(dict: string, data: Buffer): Buffer {
  const packed = deflateSync(data);
  return Buffer.concat([Buffer.from(`<<${dict} /Filter /FlateDecode /Length ${packed.length}>>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]);
}

// Rows of an xref stream with /W [1 4 2], PNG "Up" predicted (/Predictor 12), as Word writes them.
function xrefStreamRows(rows: readonly (readonly [number, number, number])[]): Buffer {
  const width = 7;
  const out = Buffer.alloc(rows.length * (width + 1));
  let previous = Buffer.alloc(width);
  rows.forEach(([type, a, b], i) => {
    const row = Buffer.alloc(width);
    row[0] = type;
    row.writeUInt32BE(a, 1);
    row.writeUInt16BE(b, 5);
    const at = i * (width + 1);
    out[at] = 2;
    for (let k = 0; k < width; k++) out[at + 1 + k] = ((row[k] as number) - (previous[k] as number)) & 0xff;
    previous = row;
  });
  return out;
}

// A hybrid-reference file (PDF 32000 §7.5.8.4), laid out as the standard's example (and Word's
// "Save as PDF") has it: a main classic table listing the objects kept in an object stream (here
// the page tree, the page and its font) as free with generation 65535, then an empty update table
// whose trailer has /Prev and an /XRefStm pointing to the xref stream that does list them. Only a
// reader that follows /XRefStm before /Prev finds the page.
export function hybridSample(path: string): string {
  const content = Buffer.from('BT /F1 14 Tf 72 760 Td (Hybrid reference sample) Tj ET\n0 0 1 RG 72 740 m 300 740 l S', 'latin1');
  const packed: [number, string][] = [
    [2, '<</Type /Pages /Kids [3 0 R] /Count 1>>'],
    [3, '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>'],
    [5, '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>'],
  ];
  let header = '';
  let bodies = '';
  for (const [num, body] of packed) {
    header += `${num} ${bodies.length} `;
    bodies += `${body}\n`;
  }
  const objects: HandObject[] = [
    { num: 1, body: '<</Type /Catalog /Pages 2 0 R /Lang (vi-VN)>>' },
    { num: 4, body: flateStream('', content) },
    { num: 6, body: flateStream(` /Type /ObjStm /N ${packed.length} /First ${header.length}`, Buffer.from(header + bodies, 'latin1')) },
    { num: 7, body: '<</Producer (hand-made hybrid, as Microsoft Word writes) /Title (Hybrid)>>' },
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = parts[0]?.length ?? 0;
  const offsets = new Map<number, number>();
  const put = (object: HandObject): void => {
    offsets.set(object.num, size);
    const chunk = Buffer.concat([Buffer.from(`${object.num} 0 obj\n`, 'latin1'), Buffer.from(object.body), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    size += chunk.length;
  };
  objects.forEach(put);
  const hidden = xrefStreamRows(packed.map((_, index) => [2, 6, index] as const));
  put({ num: 8, body: flateStream(` /Type /XRef /Size 9 /W [1 4 2] /Index [2 2 5 1] /DecodeParms <</Columns 7 /Predictor 12>>`, hidden) });
  const line = (num: number): string => `${String(offsets.get(num)).padStart(10, '0')} 00000 n\r\n`;
  const hiddenLine = (nextFree: number): string => `${String(nextFree).padStart(10, '0')} 65535 f\r\n`;
  const id = '<8f0b0d7c6e1a4b2c9d3e5f60718293a4>';
  const trailer = `/Size 9 /Root 1 0 R /Info 7 0 R /ID [${id} ${id}]`;
  const main = `xref\n0 9\n${hiddenLine(2)}${line(1)}${hiddenLine(3)}${hiddenLine(5)}${line(4)}${hiddenLine(0)}${line(6)}${line(7)}${line(8)}trailer\n<<${trailer}>>\nstartxref\n${size}\n%%EOF\n`;
  const update = `xref\n0 0\ntrailer\n<<${trailer} /Prev ${size} /XRefStm ${offsets.get(8)}>>\nstartxref\n${size + main.length}\n%%EOF\n`;
  parts.push(Buffer.from(main + update, 'latin1'));
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

// The input with whatever follows its last %%EOF replaced by `tail` (nothing, or the blanks and
// NULs scanners and upload tools leave there).
export function withTailAfterEof(input: string, output: string, tail: string): string {
  const bytes = readFileSync(input);
  const end = bytes.lastIndexOf('%%EOF') + '%%EOF'.length;
  if (end < 5) throw new Error(`${input} has no %%EOF`);
  writeFileSync(output, Buffer.concat([bytes.subarray(0, end), Buffer.from(tail, 'latin1')]));
  return output;
}

function trailerOf(path: string): { bytes: Buffer; startxref: number; size: number; root: string; info: string | undefined } {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(startxref);
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!Number.isInteger(startxref) || !Number.isInteger(size) || !root) throw new Error(`cannot find the trailer of ${path}`);
  return { bytes, startxref, size, root, info: /\/Info (\d+ \d+ R)/.exec(trailer)?.[1] };
}

// Appends a classic revision: `objects` written, `freed` (number → next generation) marked free.
function appendClassicRevision(path: string, output: string, objects: readonly HandObject[], freed: ReadonlyMap<number, number>, trailer: { root?: string; info?: string | null }): string {
  const before = trailerOf(path);
  const parts: Buffer[] = [Buffer.from('\n', 'latin1')];
  let at = before.bytes.length + 1;
  const lines = new Map<number, string>();
  for (const object of objects) {
    const gen = object.gen ?? 0;
    const chunk = Buffer.concat([Buffer.from(`${object.num} ${gen} obj\n`, 'latin1'), Buffer.from(object.body), Buffer.from('\nendobj\n', 'latin1')]);
    lines.set(object.num, `${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`);
    parts.push(chunk);
    at += chunk.length;
  }
  for (const [num, gen] of freed) lines.set(num, `0000000000 ${String(gen).padStart(5, '0')} f\r\n`);
  let table = 'xref\n0 1\n0000000000 65535 f\r\n';
  for (const num of [...lines.keys()].sort((a, b) => a - b)) table += `${num} 1\n${lines.get(num)}`;
  const size = Math.max(before.size, ...[...lines.keys()].map((n) => n + 1));
  const info = trailer.info === null ? undefined : (trailer.info ?? before.info);
  table += `trailer\n<</Size ${size} /Root ${trailer.root ?? before.root}${info ? ` /Info ${info}` : ''} /Prev ${before.startxref}>>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(table, 'latin1'));
  writeFileSync(output, Buffer.concat([before.bytes, ...parts]));
  return output;
}

// A second revision that deletes the document information dictionary: a free entry (with the
// next generation, 1) in its table, and a trailer without /Info.
export function deleteInfoRevision(input: string, output: string): { output: string; deleted: number } {
  const info = trailerOf(input).info;
  if (!info) throw new Error(`${input} has no /Info to delete`);
  const deleted = Number(info.split(' ')[0]);
  appendClassicRevision(input, output, [], new Map([[deleted, 1]]), { info: null });
  return { output, deleted };
}

// After deleteInfoRevision: a third revision moves page 1 to the freed number at generation 1
// (the old page object is freed in turn), the way an editor reusing free entries saves.
export function reusePageNumberRevision(input: string, output: string, reused: number): string {
  const reader = PdfReader.open(input);
  let objects: HandObject[];
  let oldPage: number;
  try {
    const page = listPages(reader)[0];
    if (!page) throw new Error(`${input} has no page`);
    oldPage = page.ref.num;
    const parentRef = page.dict.get('Parent');
    if (!(parentRef instanceof PdfRef)) throw new Error('page 1 has no /Parent reference');
    const parent = reader.dict(parentRef)?.clone();
    const kids = parent ? reader.array(parent.get('Kids')) : undefined;
    if (!parent || !kids) throw new Error('page 1 has no parent /Kids');
    parent.set('Kids', kids.map((k) => (k instanceof PdfRef && k.num === oldPage ? new PdfRef(reused, 1) : k)));
    objects = [
      { num: reused, gen: 1, body: valueBody(page.dict) },
      { num: parentRef.num, gen: parentRef.gen, body: valueBody(parent) },
    ];
  } finally {
    reader.close();
  }
  return appendClassicRevision(input, output, objects, new Map([[oldPage, 1]]), {});
}

// A form whose /AcroForm is a dictionary written inside the catalog (not an object of its own),
// holding one text field, as some form designers save.
export async function directAcroFormSample(path: string): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Direct AcroForm sample', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  const field = doc.context.register(
    doc.context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Tx', T: PDFString.of('HoTen'), V: PDFString.of('Nguyen Van A'), Rect: [72, 700, 300, 720], F: 4, P: page.ref }),
  );
  page.node.set(PDFName.of('Annots'), doc.context.obj([field]));
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [field], DA: PDFString.of('/Helv 0 Tf 0 g') }));
  writeFileSync(path, await doc.save({ useObjectStreams: false }));
  return path;
}

// A document prepared for signing: an unsigned signature field (/FT /Sig, no /V) named
// `fieldName` with its widget on page 1, as a template with a "sign here" box carries.
export async function emptySignatureFieldSample(path: string, fieldName: string): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Empty signature field sample', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  const field = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(fieldName), Rect: [72, 100, 252, 190], F: 4, P: page.ref }));
  page.node.set(PDFName.of('Annots'), doc.context.obj([field]));
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(doc.context.obj({ Fields: [field] })));
  writeFileSync(path, await doc.save({ useObjectStreams: false }));
  return path;
}
