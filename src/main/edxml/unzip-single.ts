import { isAppError } from '../../shared/errors.ts';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import { MAX_ZIP_RATIO, ZIP_RATIO_FREE_BYTES } from './limits.ts';
import { refusal } from './refusal.ts';
import type { DurableOutput } from './durable-output.ts';

export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function openZipFile(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

function firstEntry(zip: ZipFile): Promise<Entry> {
  return new Promise((resolve, reject) => {
    zip.once('entry', resolve);
    zip.once('error', reject);
    zip.once('end', () => reject(new Error('zip has no entry')));
    zip.readEntry();
  });
}

function badZip(detail: string): Error {
  return refusal('BAD_ZIP', 'tệp đính kèm nén (zip) bị hỏng hoặc không đọc được.', detail);
}

function bomb(detail: string): Error {
  return refusal('ZIP_BOMB', 'tệp đính kèm nén (zip) giải nén ra quá lớn (nghi "bom zip").', detail);
}

// A zipped attachment holds exactly one file (edxml.md). Its sizes are checked before anything is
// inflated and again while inflating (the central directory may lie): more than one entry, an
// entry past maxBytes or expanding more than MAX_ZIP_RATIO:1 is refused.
export async function unzipSingle(zipPath: string, out: DurableOutput, maxBytes: number): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openZipFile(zipPath);
  } catch (e) {
    throw badZip((e as Error).message);
  }
  try {
    if (zip.entryCount !== 1) throw bomb(`zip has ${zip.entryCount} entries, expected 1`);
    let entry: Entry;
    try {
      entry = await firstEntry(zip);
    } catch (e) {
      throw badZip((e as Error).message);
    }
    if (entry.fileName.endsWith('/')) throw badZip('the only entry is a directory');
    const limit = Math.min(maxBytes, Math.max(ZIP_RATIO_FREE_BYTES, entry.compressedSize * MAX_ZIP_RATIO));
    if (entry.uncompressedSize > limit) throw bomb(`entry expands to ${entry.uncompressedSize} bytes from ${entry.compressedSize}`);
    let stream;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (e) {
      throw badZip((e as Error).message);
    }
    let total = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limit) throw bomb(`entry inflates past ${limit} bytes`);
        await out.write(chunk);
      }
    } catch (e) {
      stream.destroy();
      if (isAppError(e)) throw e;
      throw badZip((e as Error).message);
    }
  } finally {
    zip.close();
  }
}
