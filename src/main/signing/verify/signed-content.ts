import { createHash } from 'node:crypto';
import { digestByteRange, streamByteRange } from '../../pdf/read-signatures.ts';

// The content a signature is over, as the checks need it: its digest with the hash the CMS
// names, and, for a signature with no signed attributes (which signs the content itself), the
// bytes again, streamed to a verifier. A PDF's byte ranges are read from the file each time; they
// can be as large as the file.
export interface SignedContent {
  digest(hash: string): Promise<Uint8Array>;
  stream(each: (chunk: Uint8Array) => void): Promise<void>;
}

export function bytesContent(bytes: Uint8Array): SignedContent {
  return {
    digest: async (hash) => new Uint8Array(createHash(hash).update(bytes).digest()),
    stream: async (each) => each(bytes),
  };
}

// Content known only by its digest (a caller that hashed it already): signatures without signed
// attributes cannot be checked against it, and say so.
export function digestOnlyContent(hash: string, digest: Uint8Array): SignedContent {
  return {
    digest: async (asked) => {
      if (asked !== hash) throw new Error(`only the ${hash} digest of the content is known, not its ${asked}`);
      return digest;
    },
    stream: async () => {
      throw new Error('only the digest of the content is known');
    },
  };
}

// Each digest is computed once however many checks ask for it.
export function memoized(content: SignedContent): SignedContent {
  const digests = new Map<string, Promise<Uint8Array>>();
  return {
    digest(hash) {
      let d = digests.get(hash);
      if (!d) digests.set(hash, (d = content.digest(hash)));
      return d;
    },
    stream: (each) => content.stream(each),
  };
}

export function byteRangeContent(path: string, byteRange: readonly number[]): SignedContent {
  return memoized({
    digest: (hash) => digestByteRange(path, byteRange, hash),
    stream: (each) => streamByteRange(path, byteRange, each),
  });
}
