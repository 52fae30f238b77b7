import type { SeriesRecord } from '../api/schemas/series.ts';
import { AppError } from '../errors.ts';
import { ADMINISTRATIVE_TYPES, COPY_TYPES, typeName } from './document-types.ts';

const COPY_KEYS = COPY_TYPES.map((t) => t.key);
const ISSUABLE_KEYS = [...ADMINISTRATIVE_TYPES, ...COPY_TYPES].map((t) => t.key);

function conflict(vi: string, en: string): AppError {
  return new AppError('CONFLICT', vi, en);
}

// The scheme the head of the agency sets (nd30-rules §1–2): one incoming series; outgoing series
// that each claim some document types, plus exactly one catch-all series for every type no other
// series claims, so each type is numbered in exactly one series and number+notation stays
// unique; the copies (sao y, trích sao, sao lục) in one series of their own; and at most one
// secret series, which numbers every secret document and nothing else.
export function checkScheme(all: readonly SeriesRecord[]): void {
  const active = all.filter((s) => s.active);
  const incoming = active.filter((s) => s.direction === 'incoming' && !s.secret);
  if (incoming.length !== 1) throw conflict('Phải có đúng một sổ văn bản đến đang dùng.', `active incoming series: ${incoming.length}`);
  checkSecretSeries(all);
  const outgoing = active.filter((s) => s.direction === 'outgoing' && !s.secret);
  const catchAll = outgoing.filter((s) => s.documentTypes.length === 0);
  if (catchAll.length !== 1) {
    throw conflict(
      'Phải có đúng một sổ văn bản đi chung (không giới hạn loại văn bản) cho các loại không có sổ riêng.',
      `active catch-all outgoing series: ${catchAll.length}`,
    );
  }
  const owner = new Map<string, string>();
  for (const s of outgoing) {
    for (const t of s.documentTypes) {
      const other = owner.get(t);
      if (other) {
        throw conflict(`Loại "${typeName(t)}" đã thuộc sổ "${other}"; mỗi loại văn bản chỉ được đánh số trong một sổ.`, `document type ${t} is in two series`);
      }
      owner.set(t, s.name);
    }
  }
  const copies = outgoing.filter((s) => s.documentTypes.some((t) => COPY_KEYS.includes(t)));
  const copySeries = copies[0];
  if (
    copies.length !== 1 ||
    !copySeries ||
    copySeries.documentTypes.length !== COPY_KEYS.length ||
    !COPY_KEYS.every((k) => copySeries.documentTypes.includes(k))
  ) {
    throw conflict(
      'Bản sao y, bản trích sao và bản sao lục phải dùng chung một sổ riêng, không chung với loại văn bản khác.',
      'copy types must form exactly one series of their own',
    );
  }
  const names = new Set<string>();
  for (const s of all) {
    const key = `${s.direction}:${s.name.toLocaleLowerCase('vi')}`;
    if (names.has(key)) throw conflict(`Tên sổ "${s.name}" bị trùng.`, `duplicate series name ${s.name}`);
    names.add(key);
  }
}

// At most one active secret series per direction: the outgoing one numbers secret documents the
// agency issues, the incoming one the secret paper documents it receives (docs/copies.md).
function checkSecretSeries(all: readonly SeriesRecord[]): void {
  for (const s of all.filter((x) => x.secret)) {
    if (s.documentTypes.length > 0) {
      throw conflict('Sổ văn bản mật đánh số mọi văn bản mật, không chọn loại văn bản.', `secret series ${s.name} claims types`);
    }
  }
  for (const direction of ['incoming', 'outgoing'] as const) {
    if (all.filter((s) => s.secret && s.active && s.direction === direction).length > 1) {
      throw conflict(`Chỉ được có một sổ văn bản mật ${direction === 'incoming' ? 'đến' : 'đi'} đang dùng.`, `more than one active secret ${direction} series`);
    }
  }
}

// Which active ordinary outgoing series numbers each issuable type under a scheme.
export function typeOwners(all: readonly SeriesRecord[]): Map<string, number> {
  const outgoing = all.filter((s) => s.active && s.direction === 'outgoing' && !s.secret);
  const catchAll = outgoing.find((s) => s.documentTypes.length === 0);
  const owners = new Map<string, number>();
  for (const key of ISSUABLE_KEYS) {
    const owner = outgoing.find((s) => s.documentTypes.includes(key)) ?? catchAll;
    if (owner) owners.set(key, owner.id);
  }
  return owners;
}

// Types that a change of scheme would move to another series.
export function movedTypes(before: readonly SeriesRecord[], after: readonly SeriesRecord[]): string[] {
  const was = typeOwners(before);
  const will = typeOwners(after);
  return ISSUABLE_KEYS.filter((k) => was.get(k) !== will.get(k));
}
