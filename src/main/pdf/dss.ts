import { AppError } from '../../shared/errors.ts';
import { buildIncrementalUpdate, ObjectNumbers, streamBody, valueBody, type UpdateObject } from './incremental-writer.ts';
import { withReader } from './pdf-reader.ts';
import type { PdfReader } from './pdf-reader.ts';
import { PdfDict, pdfName, PdfRef, PdfStream, type PdfValue } from './pdf-values.ts';
import { decodeStreamData } from './stream-decode.ts';
import { writeUpdatedCopy } from './updated-copy.ts';

// The Document Security Store of PAdES B-LT (ETSI EN 319 142-1 §5.4): the certificates and
// revocation data a verifier needs later, offline, appended after the signature as its own
// incremental update (a change every earlier signature permits). An existing DSS is kept and
// extended, as a later signer or a validator may have written one.
export interface DssData {
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly ocsps: readonly Uint8Array[];
}

const KEYS = [
  ['Certs', 'certificates'],
  ['CRLs', 'crls'],
  ['OCSPs', 'ocsps'],
] as const;

// One stream per item; the same bytes already in the DSS are not added twice.
export async function addDss(options: { input: string; output: string; data: DssData }): Promise<{ added: number }> {
  const built = await withReader(options.input, async (reader) => {
    const numbers = new ObjectNumbers(reader);
    const rootRef = reader.trailer.get('Root');
    if (!(rootRef instanceof PdfRef)) throw new AppError('PDF_UNSUPPORTED', 'Tệp PDF không có mục lục tài liệu.', 'trailer /Root is not a reference');
    const catalog = reader.catalog();
    const existing = reader.dict(catalog.get('DSS')) ?? new PdfDict();
    const dss = existing.clone();
    const objects: UpdateObject[] = [];
    let added = 0;
    for (const [key, field] of KEYS) {
      const refs = [...(reader.array(existing.get(key)) ?? [])];
      const known = new Set(refs.map((r) => streamBytesKey(reader.resolve(r), reader)));
      for (const bytes of options.data[field]) {
        const keyOf = Buffer.from(bytes).toString('base64');
        if (known.has(keyOf)) continue;
        known.add(keyOf);
        const ref = new PdfRef(numbers.allocate(), 0);
        objects.push({ num: ref.num, gen: 0, body: streamBody(new PdfDict(), bytes) });
        refs.push(ref);
        added++;
      }
      if (refs.length > 0) dss.set(key, refs);
    }
    if (added === 0) return null;
    const dssRef = new PdfRef(numbers.allocate(), 0);
    objects.push({ num: dssRef.num, gen: 0, body: valueBody(dss.set('Type', pdfName('DSS'))) });
    const entry = reader.table.get(rootRef.num);
    objects.push({ num: rootRef.num, gen: entry?.kind === 'offset' ? entry.gen : 0, body: valueBody(catalog.clone().set('DSS', dssRef)) });
    return { update: buildIncrementalUpdate(reader, numbers, objects), inputSize: reader.size, added };
  });
  if (!built) return { added: 0 };
  await writeUpdatedCopy({ input: options.input, inputSize: built.inputSize, output: options.output, appended: built.update.bytes });
  return { added: built.added };
}

// DSS streams hold DER; others may have compressed them (FlateDecode), which is decoded here.
const MAX_DSS_ITEM = 4 * 1024 * 1024;

function streamData(reader: PdfReader, stream: PdfStream): Uint8Array {
  return decodeStreamData(stream.dict, reader.rawStreamData(stream, MAX_DSS_ITEM));
}

function streamBytesKey(value: PdfValue | undefined, reader: PdfReader): string {
  return value instanceof PdfStream ? Buffer.from(streamData(reader, value)).toString('base64') : '';
}

// What a DSS holds, for the verifier: revocation data the signer embedded.
export async function readDss(path: string): Promise<DssData> {
  return withReader(path, (reader) => {
    const dss = reader.dict(reader.catalog().get('DSS'));
    const read = (key: string): Uint8Array[] =>
      (reader.array(dss?.get(key)) ?? []).flatMap((r) => {
        const v = reader.resolve(r);
        return v instanceof PdfStream ? [streamData(reader, v)] : [];
      });
    return { certificates: read('Certs'), crls: read('CRLs'), ocsps: read('OCSPs') };
  });
}
