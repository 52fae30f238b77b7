import { crc32, createInflateRaw } from 'node:zlib';

export interface Inflated {
  readonly bytes: number;
  readonly crc: number;
}

// Inflates raw deflate data only to measure it: chunks are checksummed and dropped as they come,
// and inflation stops as soon as more than `limit` bytes have come out. A part that lies about its
// size so costs at most `limit` bytes of work and one chunk of memory, and the work runs off the
// main thread instead of blocking the app. Resolves null past the limit; rejects on corrupt data.
export function inflateCounted(compressed: Uint8Array, limit: number): Promise<Inflated | null> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    let bytes = 0;
    let crc = 0;
    inflater.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) {
        inflater.destroy();
        resolve(null);
        return;
      }
      crc = crc32(chunk, crc);
    });
    inflater.on('end', () => resolve({ bytes, crc }));
    inflater.on('error', reject);
    inflater.end(compressed);
  });
}
