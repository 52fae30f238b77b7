import { createHash } from 'node:crypto';
import { isAppError } from '../../shared/errors.ts';
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

// Actions that run code, open files or send data: a signature permits none of them added later.
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'ImportData', 'SubmitForm', 'Rendition']);

// Whether a new object is, or directly holds (an annotation's /A, its /AA events), such an
// action; an action kept in an object of its own is a new object checked on its own.
function carriesActiveAction(value: PdfValue | undefined, depth = 0): boolean {
  if (depth > 4) return false;
  if (isArray(value)) return value.some((v) => carriesActiveAction(v, depth + 1));
  const dict = value instanceof PdfStream ? value.dict : value;
  if (!(dict instanceof PdfDict)) return false;
  const action = dict.get('S');
  if (dict.get('JS') !== undefined || (isName(action) && ACTIVE_ACTIONS.has(action.name))) return true;
  return [...dict.entries.values()].some((v) => carriesActiveAction(v, depth + 1));
}

// What the signed revision refers to without holding it (a dangling reference: filling it in
// later changes what the signed document shows), and what it holds but cannot read.
function signedStateGaps(reader: PdfReader): { dangling: Set<number>; unreadable: Set<number> } {
  const dangling = new Set<number>();
  const unreadable = new Set<number>();
  const seen = new Set<number>();
  const stack: (PdfValue | undefined)[] = [reader.trailer];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v instanceof PdfRef) {
      if (seen.has(v.num)) continue;
      seen.add(v.num);
      const entry = reader.table.get(v.num);
      if (entry === undefined || entry.kind === 'free') {
        dangling.add(v.num);
        continue;
      }
      try {
        stack.push(reader.getObject(v.num));
      } catch (e) {
        if (!isAppError(e)) throw e;
        unreadable.add(v.num);
      }
    } else if (v instanceof PdfDict || v instanceof PdfStream) {
      for (const x of (v instanceof PdfStream ? v.dict : v).entries.values()) stack.push(x);
    } else if (isArray(v)) {
      for (const x of v) stack.push(x);
    }
  }
  return { dangling, unreadable };
}

function readable(reader: PdfReader, num: number): { ok: true; value: PdfValue } | { ok: false } {
  try {
    return { ok: true, value: reader.getObject(num) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { ok: false };
  }
}

function forbidden(revisionsAfter: number, description: string): ChangesAfter {
  return { revisionsAfter: Math.max(1, revisionsAfter), modified: true, changes: [{ object: 'trailer', kind: 'other', allowed: false, description }] };
}

// Appended bytes up to this size are checked to be only line ends; a longer tail that no
// cross-reference section accounts for is not a revision.
const MAX_BLANK_TAIL = 64 * 1024;

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
//
// The signed state is read from the signed bytes alone (the file cut at `revisionEnd`), never
// from the later cross-reference sections: an appended /Prev may skip the signed revision, or
// point into a fake table hidden in the signed bytes, and an offset in the signed revision may
// point past its end, where an attacker can later put an object.
export async function changesAfter(path: string, revisionEnd: number): Promise<ChangesAfter> {
  const full = PdfReader.open(path);
  const readers: PdfReader[] = [full];
  try {
    const sectionsAfter = full.sections.filter((s) => s.offset >= revisionEnd).length;
    let before: PdfReader;
    try {
      before = PdfReader.open(path, undefined, revisionEnd);
    } catch (e) {
      if (!isAppError(e)) throw e;
      return forbidden(sectionsAfter, 'the signed bytes do not end with a complete revision (startxref, %%EOF)');
    }
    readers.push(before);
    // The later revisions must continue the signed one: the /Prev chain from the file's end
    // reaches the signed revision's last section and then runs exactly as the signed bytes say.
    const chainAt = full.sections.findIndex((s) => s.offset === before.startxref);
    const continues = chainAt >= 0 && full.sections.length - chainAt === before.sections.length && before.sections.every((s, i) => s.offset === full.sections[chainAt + i]?.offset);
    if (!continues) return forbidden(sectionsAfter, 'the revisions after the signature do not build on the signed revision (their /Prev chain bypasses it)');
    if (chainAt === 0) {
      const appended = full.size - revisionEnd;
      const blank = appended <= MAX_BLANK_TAIL && /^[\0\t\n\f\r ]*$/.test(full.source.read(revisionEnd, appended).toString('latin1'));
      return blank ? { revisionsAfter: 0, modified: false, changes: [] } : forbidden(1, 'bytes appended after the signed revision that no cross-reference section accounts for');
    }
    const revisionsAfter = chainAt;
    const writtenSections = new Set(full.sections.slice(0, chainAt).map((s) => s.offset));
    const written = PdfReader.open(path, (offset) => writtenSections.has(offset));
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
    const formChangeAllowed = (old: PdfDict | undefined, now: PdfDict | undefined): { allowed: boolean; keys: string[] } => {
      const keys = changedKeys(old ?? new PdfDict(), now ?? new PdfDict());
      const allowed = now !== undefined && keys.every((k) => ACROFORM_ALLOWED.has(k)) && (!keys.includes('Fields') || isSuperset(before.array(old?.get('Fields')), full.array(now.get('Fields'))));
      return { allowed, keys };
    };

    // What the later sections rewrote, and what sits in an object stream they rewrote (the
    // objects keep their old entries, but their bytes now come from the new stream).
    const candidates = new Set(written.table.numbers());
    for (const num of before.table.numbers()) {
      const entry = before.table.get(num);
      if (entry?.kind === 'compressed' && written.table.has(entry.stream)) candidates.add(num);
    }
    const gaps = signedStateGaps(before);
    for (const num of gaps.unreadable) {
      if (!candidates.has(num) && readable(full, num).ok) add(num, 'other', false, 'an object the signed revision could not read now reads (its bytes were completed after signing)');
    }

    for (const num of [...candidates].sort((a, b) => a - b)) {
      const entry = full.table.get(num);
      const existed = before.table.get(num);
      const existedInUse = existed !== undefined && existed.kind !== 'free';
      if (entry?.kind === 'free') {
        if (existedInUse) add(num, 'other', false, 'an object of the signed revision was deleted');
        continue;
      }
      const read = readable(full, num);
      if (!read.ok) {
        add(num, 'other', false, 'an object written after signing cannot be read');
        continue;
      }
      const now = read.value;
      if (!existedInUse) {
        if (gaps.dangling.has(num)) {
          add(num, 'other', false, 'an object the signed revision referred to but did not contain was added');
          continue;
        }
        if (carriesActiveAction(now)) {
          add(num, 'other', false, 'a JavaScript, launch or submit action was added');
          continue;
        }
        if (now instanceof PdfStream && (isName(now.dict.get('Type'), 'XRef') || isName(now.dict.get('Type'), 'ObjStm'))) continue;
        const { kind, description } = describeNew(full.dict(now));
        add(num, kind, true, description);
        continue;
      }
      const previous = readable(before, num);
      if (!previous.ok) {
        add(num, 'other', false, 'an object the signed revision could not read was written');
        continue;
      }
      const old = previous.value;
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
        // A catalog that holds the AcroForm directly, or points it at a new object, changes the
        // form through the catalog: the form itself must change only in the permitted ways.
        const formOk = !keys.includes('AcroForm') || formChangeAllowed(before.dict(old.get('AcroForm')), full.dict(now.get('AcroForm'))).allowed;
        const allowed = formOk && keys.every((k) => CATALOG_ALLOWED.has(k));
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
        const { allowed, keys } = formChangeAllowed(old, now);
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
