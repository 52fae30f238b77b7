import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { listPages } from './page-tree.ts';
import { PdfReader } from './pdf-reader.ts';
import { isArray, isName, PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-values.ts';

export type ChangeKind = 'signature' | 'form-fill' | 'annotation' | 'acroform' | 'dss' | 'metadata' | 'page-content' | 'page-resources' | 'catalog' | 'other';

export interface Change {
  object: string;
  kind: ChangeKind;
  allowed: boolean;
  description: string;
}

export interface ChangesAfter {
  revisionsAfter: number;
  modified: boolean;
  changes: Change[];
}

// Changed streams are compared by digest; beyond this size a change is assumed.
const MAX_COMPARED_STREAM = 64 * 1024 * 1024;

const CATALOG_ALLOWED = new Map<string, ChangeKind>([
  ['AcroForm', 'acroform'],
  ['DSS', 'dss'],
  ['Extensions', 'dss'],
  ['Metadata', 'metadata'],
]);
const ACROFORM_ALLOWED = new Set(['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances']);
const FORM_FILL_ALLOWED = new Set(['V', 'AP', 'AS', 'M']);

function streamDigest(reader: PdfReader, stream: PdfStream): string | undefined {
  try {
    return createHash('sha256').update(reader.rawStreamData(stream, MAX_COMPARED_STREAM)).digest('hex');
  } catch {
    return undefined;
  }
}

function same(a: PdfValue | undefined, b: PdfValue | undefined, depth = 0): boolean {
  if (depth > 100) return false;
  if (a === b) return true;
  if (a instanceof PdfName && b instanceof PdfName) return a.name === b.name;
  if (a instanceof PdfRef && b instanceof PdfRef) return a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString && b instanceof PdfString) return Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  if (isArray(a) && isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i], depth + 1));
  if (a instanceof PdfDict && b instanceof PdfDict) return changedKeys(a, b, depth + 1).length === 0;
  return false;
}

function changedKeys(a: PdfDict, b: PdfDict, depth = 0): string[] {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  return [...keys].filter((k) => !same(a.get(k), b.get(k), depth + 1));
}

function refNums(list: readonly PdfValue[] | undefined): number[] {
  return (list ?? []).filter((v): v is PdfRef => v instanceof PdfRef).map((r) => r.num);
}

function isSuperset(older: readonly PdfValue[] | undefined, newer: readonly PdfValue[] | undefined): boolean {
  const now = new Set(refNums(newer));
  return refNums(older).every((n) => now.has(n)) && (older ?? []).filter((v) => !(v instanceof PdfRef)).length === 0;
}

function describeNew(dict: PdfDict | undefined): { kind: ChangeKind; description: string } {
  if (!dict) return { kind: 'other', description: 'new object' };
  const type = dict.get('Type');
  if (isName(type, 'Sig') || (dict.get('ByteRange') !== undefined && dict.get('Contents') !== undefined)) return { kind: 'signature', description: 'new signature dictionary' };
  if (isName(dict.get('FT'), 'Sig')) return { kind: 'signature', description: 'new signature field' };
  if (isName(dict.get('Subtype'), 'Widget')) return { kind: 'form-fill', description: 'new form field widget' };
  if (isName(type, 'Annot') || (dict.get('Subtype') !== undefined && dict.get('Rect') !== undefined)) {
    return { kind: 'annotation', description: `new ${isName(dict.get('Subtype')) ? (dict.get('Subtype') as PdfName).name : ''} annotation` };
  }
  if (isName(type, 'DSS') || dict.get('VRI') !== undefined) return { kind: 'dss', description: 'new document security store' };
  if (isName(type, 'Metadata')) return { kind: 'metadata', description: 'new XMP metadata' };
  return { kind: 'other', description: 'new object (appearance, font, image or similar) used only by the changes listed' };
}

// Diffs the objects written by the revisions after `revisionEnd` against the document as it was
// at `revisionEnd`, and says which changes an earlier signature permits (later signatures, form
// fill, added annotations, DSS, metadata) and which mean "modified after signing".
export async function changesAfter(path: string, revisionEnd: number): Promise<ChangesAfter> {
  const full = PdfReader.open(path);
  const readers: PdfReader[] = [full];
  try {
    const isAfter = (offset: number): boolean => offset >= revisionEnd;
    const revisionsAfter = full.sections.filter((s) => isAfter(s.offset)).length;
    if (revisionsAfter === 0) return { revisionsAfter: 0, modified: false, changes: [] };
    if (revisionsAfter === full.sections.length) {
      throw new AppError('INVALID_INPUT', 'Vị trí kết thúc phiên bản được ký không hợp lệ.', `no revision ends before ${revisionEnd}`);
    }
    const before = PdfReader.open(path, (offset) => !isAfter(offset));
    readers.push(before);
    const written = PdfReader.open(path, isAfter);
    readers.push(written);

    const changes: Change[] = [];
    const add = (num: number, kind: ChangeKind, allowed: boolean, description: string): void => {
      changes.push({ object: `${num} 0 R`, kind, allowed, description });
    };
    const rootBefore = before.trailer.get('Root');
    const rootNow = full.trailer.get('Root');
    if (!(rootBefore instanceof PdfRef) || !(rootNow instanceof PdfRef) || rootBefore.num !== rootNow.num) {
      changes.push({ object: 'trailer', kind: 'catalog', allowed: false, description: 'the document catalog was replaced' });
    }
    const catalogNum = rootBefore instanceof PdfRef ? rootBefore.num : -1;
    const catalog = before.dict(rootBefore);
    const acroFormRef = catalog?.get('AcroForm');
    const acroForm = before.dict(acroFormRef);
    const fieldsRef = acroForm?.get('Fields');
    const dssRef = catalog?.get('DSS');
    const dss = before.dict(dssRef);
    const dssArrays = new Set(['Certs', 'OCSPs', 'CRLs', 'VRI'].map((k) => dss?.get(k)).filter((v) => v instanceof PdfRef).map((r) => (r as PdfRef).num));
    const info = before.trailer.get('Info');
    const pages = listPages(before);
    const pageNums = new Set(pages.map((p) => p.ref.num));
    const annotArrays = new Set(pages.map((p) => p.dict.get('Annots')).filter((v) => v instanceof PdfRef).map((r) => (r as PdfRef).num));

    for (const num of written.table.numbers()) {
      const entry = written.table.get(num);
      const existed = before.table.get(num);
      const existedInUse = existed !== undefined && existed.kind !== 'free';
      if (entry?.kind === 'free') {
        if (existedInUse) add(num, 'other', false, 'an object of the signed revision was deleted');
        continue;
      }
      const now = full.getObject(num);
      if (now instanceof PdfStream && (isName(now.dict.get('Type'), 'XRef') || isName(now.dict.get('Type'), 'ObjStm'))) continue;
      if (!existedInUse) {
        const { kind, description } = describeNew(full.dict(now));
        add(num, kind, true, description);
        continue;
      }
      const old = before.getObject(num);
      if (old instanceof PdfStream || now instanceof PdfStream) {
        const unchanged = old instanceof PdfStream && now instanceof PdfStream && same(old.dict, now.dict) && streamDigest(before, old) === streamDigest(full, now) && streamDigest(before, old) !== undefined;
        if (unchanged) continue;
        const metadata = old instanceof PdfStream && isName(old.dict.get('Type'), 'Metadata');
        add(num, metadata ? 'metadata' : 'other', metadata, metadata ? 'XMP metadata changed' : 'a stream of the signed revision changed (content, image, font or appearance)');
        continue;
      }
      if (same(old, now)) continue;
      if (num === catalogNum && old instanceof PdfDict && now instanceof PdfDict) {
        const keys = changedKeys(old, now);
        const allowed = keys.every((k) => CATALOG_ALLOWED.has(k));
        add(num, allowed ? (CATALOG_ALLOWED.get(keys[0] as string) ?? 'catalog') : 'catalog', allowed, `catalog entries changed: ${keys.join(', ')}`);
      } else if (pageNums.has(num) && old instanceof PdfDict && now instanceof PdfDict) {
        const keys = changedKeys(old, now);
        if (keys.every((k) => k === 'Annots')) {
          const grown = isSuperset(before.array(old.get('Annots')), full.array(now.get('Annots')));
          add(num, 'annotation', grown, grown ? 'annotations added to a page' : 'annotations removed from a page');
        } else if (keys.includes('Contents')) add(num, 'page-content', false, `page content changed (${keys.join(', ')})`);
        else if (keys.includes('Resources')) add(num, 'page-resources', false, `page resources changed (${keys.join(', ')})`);
        else add(num, 'other', false, `page entries changed: ${keys.join(', ')}`);
      } else if (annotArrays.has(num)) {
        const grown = isArray(old) && isArray(now) && isSuperset(old, now);
        add(num, 'annotation', grown, grown ? 'annotations added to a page' : 'annotations removed from a page');
      } else if (acroFormRef instanceof PdfRef && num === acroFormRef.num && old instanceof PdfDict && now instanceof PdfDict) {
        const keys = changedKeys(old, now);
        const allowed = keys.every((k) => ACROFORM_ALLOWED.has(k)) && (!keys.includes('Fields') || isSuperset(before.array(old.get('Fields')), full.array(now.get('Fields'))));
        add(num, 'acroform', allowed, `form entries changed: ${keys.join(', ')}`);
      } else if (fieldsRef instanceof PdfRef && num === fieldsRef.num) {
        const grown = isArray(old) && isArray(now) && isSuperset(old, now);
        add(num, 'acroform', grown, grown ? 'fields added to the form' : 'fields removed from the form');
      } else if ((dssRef instanceof PdfRef && num === dssRef.num) || dssArrays.has(num)) {
        add(num, 'dss', true, 'document security store updated');
      } else if (info instanceof PdfRef && num === info.num) {
        add(num, 'metadata', true, 'document information changed');
      } else if (old instanceof PdfDict && now instanceof PdfDict) {
        const keys = changedKeys(old, now);
        const field = isName(old.get('FT')) || old.get('T') !== undefined;
        if (isName(old.get('FT'), 'Sig')) {
          const signedEmpty = old.get('V') === undefined && keys.every((k) => FORM_FILL_ALLOWED.has(k) || k === 'F');
          add(num, 'signature', signedEmpty, signedEmpty ? 'an empty signature field was signed' : `a signature field changed: ${keys.join(', ')}`);
        } else if (field || isName(old.get('Subtype'), 'Widget')) {
          const allowed = keys.every((k) => FORM_FILL_ALLOWED.has(k));
          add(num, 'form-fill', allowed, `form field changed: ${keys.join(', ')}`);
        } else if (isName(old.get('Type'), 'Annot') || (old.get('Subtype') !== undefined && old.get('Rect') !== undefined)) {
          add(num, 'annotation', false, `an existing annotation changed: ${keys.join(', ')}`);
        } else add(num, 'other', false, `object of the signed revision changed: ${keys.join(', ')}`);
      } else add(num, 'other', false, 'object of the signed revision changed');
    }
    return { revisionsAfter, modified: changes.some((c) => !c.allowed), changes };
  } finally {
    for (const reader of readers) reader.close();
  }
}
