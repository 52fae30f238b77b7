// Where each object lives, newest revision first wins. Typed arrays rather than a Map of objects
// keep a file with a million objects to a few megabytes.
export const MAX_OBJECT_NUMBER = 8_388_607; // PDF 32000 Annex C: the largest object number

export type XrefEntry =
  | { readonly kind: 'free' }
  | { readonly kind: 'offset'; readonly offset: number; readonly gen: number }
  | { readonly kind: 'compressed'; readonly stream: number; readonly index: number };

const UNSET = 0;
const FREE = 1;
const OFFSET = 2;
const COMPRESSED = 3;

export class XrefTable {
  private kinds = new Uint8Array(1024);
  private first = new Float64Array(1024);
  private second = new Uint32Array(1024);
  private highest = -1;

  private grow(num: number): void {
    if (num < this.kinds.length) return;
    let size = this.kinds.length;
    while (size <= num) size *= 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const first = new Float64Array(size);
    first.set(this.first);
    const second = new Uint32Array(size);
    second.set(this.second);
    this.kinds = kinds;
    this.first = first;
    this.second = second;
  }

  has(num: number): boolean {
    return num >= 0 && num < this.kinds.length && this.kinds[num] !== UNSET;
  }

  // Sets the entry unless a newer section already did.
  setIfUnset(num: number, entry: XrefEntry): void {
    if (this.has(num)) return;
    this.grow(num);
    this.highest = Math.max(this.highest, num);
    if (entry.kind === 'free') this.kinds[num] = FREE;
    else if (entry.kind === 'offset') {
      this.kinds[num] = OFFSET;
      this.first[num] = entry.offset;
      this.second[num] = entry.gen;
    } else {
      this.kinds[num] = COMPRESSED;
      this.first[num] = entry.stream;
      this.second[num] = entry.index;
    }
  }

  get(num: number): XrefEntry | undefined {
    if (!this.has(num)) return undefined;
    const kind = this.kinds[num];
    if (kind === FREE) return { kind: 'free' };
    if (kind === OFFSET) return { kind: 'offset', offset: this.first[num] as number, gen: this.second[num] as number };
    return { kind: 'compressed', stream: this.first[num] as number, index: this.second[num] as number };
  }

  get highestNumber(): number {
    return this.highest;
  }

  *numbers(): Generator<number> {
    for (let n = 0; n <= this.highest; n++) if (this.kinds[n] !== UNSET) yield n;
  }
}
