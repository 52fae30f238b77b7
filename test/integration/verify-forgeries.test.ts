import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIncrementalUpdate, ObjectNumbers, streamBody, valueBody } from '../../src/main/pdf/incremental-writer.ts';
import { listPages } from '../../src/main/pdf/page-tree.ts';
import { PdfReader } from '../../src/main/pdf/pdf-reader.ts';
import { PdfDict, pdfName, PdfRef, PdfStream, PdfString, type PdfValue } from '../../src/main/pdf/pdf-values.ts';
import { serializeValue } from '../../src/main/pdf/serialize.ts';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { decodeStreamData } from '../../src/main/pdf/stream-decode.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { verifyPdf } from '../../src/main/signing/verify/verify-pdf.ts';
import { appendPageContentRevision, pdfLibSample } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// Revisions an attacker appends after a valid signature to change what the document shows while
// the signature still verifies. Each file is made by hand; each must be reported as modified
// after signing (coverage failed, verdict invalid), never as an allowed change.

interface RawObject {
  readonly num: number;
  readonly body: string | Buffer;
}

// Appends objects and a classic xref section listing them plus `reuse` (object number → an
// offset already in the file), chained to `prev`, with the trailer entries given.
function appendRaw(path: string, objects: readonly RawObject[], trailer: { prev: number; root: PdfRef; size: number }, reuse = new Map<number, number>()): void {
  const bytes = readFileSync(path);
  const parts: Buffer[] = [Buffer.from('\n', 'latin1')];
  let at = bytes.length + 1;
  const offsets = new Map(reuse);
  for (const object of objects) {
    const chunk = Buffer.concat([Buffer.from(`${object.num} 0 obj\n`, 'latin1'), Buffer.from(object.body), Buffer.from('\nendobj\n', 'latin1')]);
    offsets.set(object.num, at);
    parts.push(chunk);
    at += chunk.length;
  }
  let table = 'xref\n';
  for (const num of [...offsets.keys()].sort((a, b) => a - b)) table += `${num} 1\n${String(offsets.get(num)).padStart(10, '0')} 00000 n\r\n`;
  table += `trailer\n<< /Size ${trailer.size} /Root ${trailer.root.key} /Prev ${trailer.prev} >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(table, 'latin1'));
  writeFileSync(path, Buffer.concat([bytes, ...parts]));
}

function stream(dict: string, data: string): string {
  return `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
}

describe('verifying a signed PDF an attacker appended to', () => {
  let pki: TestPki;
  let dir: string;
  let cleanup = () => {};
  beforeAll(async () => {
    const t = tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    pki = await createTestPki();
  });
  afterAll(() => cleanup());

  async function sign(input: string, name: string): Promise<string> {
    const output = join(dir, `${name}.pdf`);
    await signPdf({ input, output, appearance: null, signingTime: new Date(), sign: (digest) => buildPadesCms(softwareSigner(pki.leader), digest) });
    return output;
  }

  async function expectModifiedAfterSigning(path: string, description: RegExp): Promise<void> {
    const report = await verifyPdf(path, { anchors: [pki.root.der] });
    const signature = report.signatures[0];
    expect(signature?.checks.integrity.status).toBe('ok');
    expect(signature?.coversWholeFile).toBe(false);
    expect(signature?.checks.coverage.status).toBe('failed');
    expect(signature?.verdict).toBe('invalid');
    expect(signature?.changesAfter.filter((c) => !c.allowed).map((c) => c.description).join('\n')).toMatch(description);
  }

  function readWith<T>(path: string, use: (reader: PdfReader) => T, include?: (offset: number) => boolean): T {
    const reader = PdfReader.open(path, include);
    try {
      return use(reader);
    } finally {
      reader.close();
    }
  }

  it('reports a revision whose /Prev skips the signed revision to bring back the page content signed over', async () => {
    // The signer signed the document after an edit that replaced page 1's content.
    const original = await pdfLibSample(join(dir, 'prev-original.pdf'), { objectStreams: false });
    const edited = appendPageContentRevision(original, join(dir, 'prev-edited.pdf'));
    const signed = await sign(edited, 'prev-signed');
    const attacked = join(dir, 'prev-attacked.pdf');
    writeFileSync(attacked, readFileSync(signed));
    const { originalXref, originalContents } = readWith(original, (r) => ({ originalXref: r.startxref, originalContents: listPages(r)[0]!.dict.get('Contents') }));
    // The attacker's section re-lists the signature's objects where they are, and page 1 as the
    // signer's revision has it but with the original content, chained to the original table.
    const { reuse, page, root, size } = readWith(signed, (r) => {
      const newest = r.sections[0]!.offset;
      const sigObjects = readWith(signed, (s) => [...s.table.numbers()].map((n) => [n, s.offsetOf(n)!] as const), (o) => o === newest);
      const first = listPages(r)[0]!;
      return { reuse: new Map(sigObjects.filter(([n]) => n !== first.ref.num)), page: first, root: r.trailer.get('Root') as PdfRef, size: r.trailer.get('Size') as number };
    });
    const restored = page.dict.clone().set('Contents', originalContents as PdfValue);
    appendRaw(attacked, [{ num: page.ref.num, body: serializeValue(restored) }], { prev: originalXref, root, size }, reuse);
    // What a viewer now shows on page 1 is the original content, not what was signed.
    expect(readWith(attacked, (r) => (listPages(r)[0]!.dict.get('Contents') as PdfRef).num)).toBe((originalContents as PdfRef).num);
    await expectModifiedAfterSigning(attacked, /do not build on the signed revision/);
  });

  it('reports page content changed by rewriting the object stream a page lives in', async () => {
    const signed = await sign(await pdfLibSample(join(dir, 'objstm-in.pdf'), { objectStreams: true }), 'objstm-signed');
    const attacked = join(dir, 'objstm-attacked.pdf');
    writeFileSync(attacked, readFileSync(signed));
    const built = readWith(signed, (r) => {
      // Page 2: the signature rewrote page 1 (its /Annots) outside the object stream.
      const page = listPages(r)[1]!;
      const entry = r.table.get(page.ref.num);
      if (entry?.kind !== 'compressed') throw new Error('page 2 of the sample is expected inside an object stream');
      // The stream rebuilt with the same members at the same indices, page 2 pointing elsewhere.
      const objstm = r.getObject(entry.stream) as PdfStream;
      const data = Buffer.from(decodeStreamData(objstm.dict, r.rawStreamData(objstm)));
      const first = objstm.dict.get('First') as number;
      const pairs = data.subarray(0, first).toString('latin1').trim().split(/\s+/).map(Number);
      const content = r.trailer.get('Size') as number;
      let header = '';
      let body = '';
      for (let i = 0; i < pairs.length; i += 2) {
        const n = pairs[i]!;
        const end = i + 3 < pairs.length ? first + pairs[i + 3]! : data.length;
        const text = n === page.ref.num ? serializeValue(page.dict.clone().set('Contents', new PdfRef(content, 0))) : data.subarray(first + pairs[i + 1]!, end).toString('latin1');
        header += `${n} ${body.length} `;
        body += `${text}\n`;
      }
      return {
        objects: [
          { num: content, body: stream('', '1 0 0 rg 0 0 595 842 re f') },
          { num: entry.stream, body: stream(`/Type /ObjStm /N ${pairs.length / 2} /First ${header.length}`, header + body) },
        ],
        trailer: { prev: r.startxref, root: r.trailer.get('Root') as PdfRef, size: content + 1 },
      };
    });
    appendRaw(attacked, built.objects, built.trailer);
    await expectModifiedAfterSigning(attacked, /page content changed/);
  });

  it('reports an object added to fill a reference the signed page made to nothing', async () => {
    // A page that names an image /X9 it does not hold, as the author left it.
    const input = join(dir, 'dangling-in.pdf');
    const missing = readWith(await pdfLibSample(join(dir, 'dangling-base.pdf'), { objectStreams: false }), (r) => {
      const numbers = new ObjectNumbers(r);
      const page = listPages(r)[0]!;
      const content = numbers.allocate();
      const image = numbers.allocate();
      const resources = new PdfDict().set('XObject', new PdfDict().set('X9', new PdfRef(image, 0)));
      const update = buildIncrementalUpdate(r, numbers, [
        { num: content, gen: 0, body: streamBody(new PdfDict(), Buffer.from('q 595 0 0 842 0 0 cm /X9 Do Q', 'latin1')) },
        { num: page.ref.num, gen: 0, body: valueBody(page.dict.clone().set('Contents', new PdfRef(content, 0)).set('Resources', resources)) },
      ]);
      writeFileSync(input, Buffer.concat([readFileSync(r.source.path), update.bytes]));
      return image;
    });
    const signed = await sign(input, 'dangling-signed');
    const attacked = join(dir, 'dangling-attacked.pdf');
    writeFileSync(attacked, readFileSync(signed));
    const trailer = readWith(signed, (r) => ({ prev: r.startxref, root: r.trailer.get('Root') as PdfRef, size: r.trailer.get('Size') as number }));
    appendRaw(attacked, [{ num: missing, body: stream('/Type /XObject /Subtype /Form /BBox [0 0 1 1]', '1 0 0 rg 0 0 1 1 re f') }], trailer);
    await expectModifiedAfterSigning(attacked, /referred to but did not contain/);
  });

  it('reports an AcroForm swapped through the catalog for one with an XFA form', async () => {
    const signed = await sign(await pdfLibSample(join(dir, 'xfa-in.pdf'), { objectStreams: false }), 'xfa-signed');
    const attacked = join(dir, 'xfa-attacked.pdf');
    writeFileSync(attacked, readFileSync(signed));
    const built = readWith(signed, (r) => {
      const rootRef = r.trailer.get('Root') as PdfRef;
      const catalog = r.catalog();
      const size = r.trailer.get('Size') as number;
      const form = (r.dict(catalog.get('AcroForm')) ?? new PdfDict()).clone().set('XFA', new PdfRef(size + 1, 0));
      return {
        objects: [
          { num: rootRef.num, body: serializeValue(catalog.clone().set('AcroForm', new PdfRef(size, 0))) },
          { num: size, body: serializeValue(form) },
          { num: size + 1, body: stream('', '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template/></xdp:xdp>') },
        ],
        trailer: { prev: r.startxref, root: rootRef, size: size + 2 },
      };
    });
    appendRaw(attacked, built.objects, built.trailer);
    await expectModifiedAfterSigning(attacked, /catalog entries changed: AcroForm/);
  });

  it('reports a link annotation carrying JavaScript added to the signed page', async () => {
    const signed = await sign(await pdfLibSample(join(dir, 'js-in.pdf'), { objectStreams: false }), 'js-signed');
    const attacked = join(dir, 'js-attacked.pdf');
    readWith(signed, (r) => {
      const numbers = new ObjectNumbers(r);
      const page = listPages(r)[0]!;
      const annot = new PdfRef(numbers.allocate(), 0);
      const action = new PdfDict().set('S', pdfName('JavaScript')).set('JS', new PdfString(Buffer.from('app.alert(1)', 'latin1')));
      const link = new PdfDict().set('Type', pdfName('Annot')).set('Subtype', pdfName('Link')).set('Rect', [0, 0, 595, 842]).set('A', action);
      const existing = (r.array(page.dict.get('Annots')) ?? []) as PdfValue[];
      const update = buildIncrementalUpdate(r, numbers, [
        { num: annot.num, gen: 0, body: valueBody(link) },
        { num: page.ref.num, gen: 0, body: valueBody(page.dict.clone().set('Annots', [...existing, annot])) },
      ]);
      writeFileSync(attacked, Buffer.concat([readFileSync(signed), update.bytes]));
    });
    await expectModifiedAfterSigning(attacked, /JavaScript, launch or submit action/);
  });

  it('reports an object the signed revision placed past its own end, filled in afterwards', async () => {
    // The author's xref already lists object N at an offset beyond the end of the file; the
    // attacker later pads the file so that a page content stream lands there.
    const base = await pdfLibSample(join(dir, 'beyond-base.pdf'), { objectStreams: false });
    const input = join(dir, 'beyond-in.pdf');
    const farOffset = 2_000_000;
    const { num, trailer } = readWith(base, (r) => {
      const numbers = new ObjectNumbers(r);
      const page = listPages(r)[0]!;
      const far = numbers.allocate();
      const update = buildIncrementalUpdate(r, numbers, [{ num: page.ref.num, gen: 0, body: valueBody(page.dict.clone().set('Contents', new PdfRef(far, 0))) }]);
      const text = update.bytes.toString('latin1').replace(/xref\n(\d+) 1\n/, `xref\n${far} 1\n${String(farOffset).padStart(10, '0')} 00000 n\r\n$1 1\n`);
      writeFileSync(input, Buffer.concat([readFileSync(base), Buffer.from(text, 'latin1')]));
      return { num: far, trailer: r.trailer };
    });
    expect(trailer.get('Root')).toBeInstanceOf(PdfRef);
    const signed = await sign(input, 'beyond-signed');
    const attacked = join(dir, 'beyond-attacked.pdf');
    const signedBytes = readFileSync(signed);
    const object = Buffer.from(`${num} 0 obj\n${stream('', '1 0 0 rg 0 0 595 842 re f')}\nendobj\n`, 'latin1');
    const padding = Buffer.alloc(farOffset - signedBytes.length - 1, 0x20);
    // A harmless revision (a new Info) keeps the file a chain of revisions.
    const info = readWith(signed, (r) => ({ prev: r.startxref, root: r.trailer.get('Root') as PdfRef, size: r.trailer.get('Size') as number }));
    writeFileSync(attacked, Buffer.concat([signedBytes, Buffer.from('%', 'latin1'), padding.subarray(1), Buffer.from('\n', 'latin1'), object]));
    appendRaw(attacked, [{ num: info.size, body: '<< /Producer (x) >>' }], { ...info, size: info.size + 1 });
    expect(readWith(attacked, (r) => r.offsetOf(num))).toBe(farOffset);
    await expectModifiedAfterSigning(attacked, /could not read now reads/);
  });
});
