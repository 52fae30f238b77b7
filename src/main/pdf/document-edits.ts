import { brokenPdf } from './pdf-errors.ts';
import { valueBody, type ObjectNumbers, type UpdateObject } from './incremental-writer.ts';
import type { PageEntry } from './page-tree.ts';
import type { PdfReader } from './pdf-reader.ts';
import { decodeTextString } from './pdf-text.ts';
import { isArray, PdfDict, PdfRef, PdfString, type PdfValue } from './pdf-values.ts';

// The few existing objects an update must rewrite (page /Annots, the AcroForm and its /Fields,
// the catalog when it holds the AcroForm directly), written as new versions under the same number.
function rewrite(reader: PdfReader, ref: PdfRef, value: PdfValue): UpdateObject {
  const entry = reader.table.get(ref.num);
  const gen = entry?.kind === 'offset' ? entry.gen : 0;
  return { num: ref.num, gen, body: valueBody(value) };
}

function plainDict(reader: PdfReader, ref: PdfRef, what: string): PdfDict {
  const v = reader.resolve(ref);
  if (!(v instanceof PdfDict)) throw brokenPdf(`${what} (object ${ref.num}) is not a plain dictionary`);
  return v;
}

// Adds annotation references to a page's /Annots, wherever that array lives.
export function addToPageAnnots(reader: PdfReader, page: PageEntry, refs: readonly PdfRef[]): UpdateObject[] {
  const annots = page.dict.get('Annots');
  if (annots instanceof PdfRef) {
    const list = reader.resolve(annots);
    if (list !== null && !isArray(list)) throw brokenPdf(`page /Annots (object ${annots.num}) is not an array`);
    return [rewrite(reader, annots, [...(list ?? []), ...refs])];
  }
  if (annots !== undefined && annots !== null && !isArray(annots)) throw brokenPdf('page /Annots is not an array');
  const pageDict = plainDict(reader, page.ref, 'page').clone().set('Annots', [...(annots ?? []), ...refs]);
  return [rewrite(reader, page.ref, pageDict)];
}

// Adds fields to the AcroForm's /Fields (creating the AcroForm when there is none); a signature
// sets /SigFlags 3 (SignaturesExist | AppendOnly), which tells editors to save incrementally.
export function addToAcroForm(reader: PdfReader, numbers: ObjectNumbers, fields: readonly PdfRef[], signature: boolean): UpdateObject[] {
  const rootRef = reader.trailer.get('Root');
  if (!(rootRef instanceof PdfRef)) throw brokenPdf('trailer /Root is not a reference');
  const catalog = plainDict(reader, rootRef, 'catalog');
  const acroForm = catalog.get('AcroForm');
  const out: UpdateObject[] = [];
  const updated = (form: PdfDict): PdfDict => {
    const copy = form.clone();
    const existing = copy.get('Fields');
    if (existing instanceof PdfRef) {
      const list = reader.resolve(existing);
      if (list !== null && !isArray(list)) throw brokenPdf('AcroForm /Fields is not an array');
      out.push(rewrite(reader, existing, [...(list ?? []), ...fields]));
    } else {
      copy.set('Fields', [...(isArray(existing) ? existing : []), ...fields]);
    }
    if (signature) {
      const flags = reader.resolve(copy.get('SigFlags'));
      copy.set('SigFlags', (typeof flags === 'number' ? flags : 0) | 3);
    }
    return copy;
  };
  if (acroForm instanceof PdfRef) {
    out.push(rewrite(reader, acroForm, updated(plainDict(reader, acroForm, 'AcroForm'))));
  } else if (acroForm instanceof PdfDict) {
    out.push(rewrite(reader, rootRef, catalog.clone().set('AcroForm', updated(acroForm))));
  } else {
    const ref = new PdfRef(numbers.allocate(), 0);
    out.push({ num: ref.num, gen: 0, body: valueBody(updated(new PdfDict())) });
    out.push(rewrite(reader, rootRef, catalog.clone().set('AcroForm', ref)));
  }
  return out;
}

const MAX_FIELD_DEPTH = 32;

export interface FieldVisit {
  readonly ref: PdfRef | undefined;
  readonly dict: PdfDict;
  readonly fullName: string;
  // /FT and /V as inherited down the field tree.
  readonly type: string | undefined;
}

// Every terminal field of the AcroForm, in /Fields order, with loop and depth guards.
export function listFields(reader: PdfReader): FieldVisit[] {
  const form = reader.dict(reader.catalog().get('AcroForm'));
  const roots = form ? reader.array(form.get('Fields')) : undefined;
  const out: FieldVisit[] = [];
  const seen = new Set<number>();
  const visit = (value: PdfValue, parentName: string, parentType: string | undefined, depth: number): void => {
    if (depth > MAX_FIELD_DEPTH) throw brokenPdf('field tree too deep');
    if (value instanceof PdfRef) {
      if (seen.has(value.num)) return;
      seen.add(value.num);
    }
    const dict = reader.dict(value);
    if (!dict) return;
    const t = dict.get('T');
    const partial = t instanceof PdfString ? decodeTextString(t.bytes) : undefined;
    const fullName = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const ft = reader.resolve(dict.get('FT'));
    const type = ft && typeof ft === 'object' && 'name' in ft ? ft.name : parentType;
    const kids = reader.array(dict.get('Kids'));
    const fieldKids = kids?.filter((k) => reader.dict(k)?.get('T') !== undefined) ?? [];
    if (fieldKids.length > 0) {
      for (const kid of fieldKids) visit(kid, fullName, type, depth + 1);
      return;
    }
    out.push({ ref: value instanceof PdfRef ? value : undefined, dict, fullName, type });
  };
  for (const root of roots ?? []) visit(root, '', undefined, 0);
  return out;
}

export function uniqueFieldName(reader: PdfReader, prefix: string): string {
  const taken = new Set(listFields(reader).map((f) => f.fullName.split('.')[0]));
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}
