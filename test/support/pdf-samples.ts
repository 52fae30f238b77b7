import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
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
