// The official SDK keeps its request headers in a java.util.HashMap and signs them in that map's
// iteration order. Reproducing the order makes our sign-header byte-identical to the SDK's, so a
// hub that (wrongly) rebuilt the string in its own order would still accept us.

// java.lang.String.hashCode over UTF-16 code units, in 32-bit two's complement.
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

// HashMap.hash(): the high half folded into the low half before masking.
function spread(h: number): number {
  return h ^ (h >>> 16);
}

// Iteration order of a HashMap after putting `keys` (distinct) in this order with the default
// capacity 16 and load factor 0.75: buckets in index order, insertion order inside a bucket
// (resizing splits a bucket without reordering it). Treeified buckets need 8 collisions in a
// table of 64, which a dozen headers never reach.
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const buckets = new Map<number, string[]>();
  for (const key of keys) {
    const index = spread(javaStringHash(key)) & (capacity - 1);
    const bucket = buckets.get(index);
    if (bucket) bucket.push(key);
    else buckets.set(index, [key]);
  }
  return [...buckets.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, bucket]) => bucket);
}
