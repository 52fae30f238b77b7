import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

// The SDK's `hash-file` header: SHA-256 of the package as Integer.toHexString per byte, so a byte
// below 0x10 loses its leading zero (0x0a prints "a") and the string is 32 to 64 characters.
export function sdkHex(digest: Uint8Array): string {
  let out = '';
  for (const byte of digest) out += byte.toString(16);
  return out;
}

export interface FileHash {
  // Normal 64-character lowercase hex.
  readonly hex: string;
  // The SDK's unpadded form, as sent in `hash-file`.
  readonly sdkHex: string;
  readonly size: number;
}

// Streams the file from disk: memory stays at one read buffer whatever the size.
export async function hashFile(path: string): Promise<FileHash> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  const digest = hash.digest();
  return { hex: digest.toString('hex'), sdkHex: sdkHex(digest), size };
}
