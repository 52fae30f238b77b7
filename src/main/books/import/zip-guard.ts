import { crc32 } from 'node:zlib';
import { AppError } from '../../../shared/errors.ts';
import { type Inflated, inflateCounted } from './inflate-count.ts';
import { readZipEntries, refuseArchive, type ZipEntry } from './zip-records.ts';

// An .xlsx file is a ZIP archive, and a hostile one can be a "zip bomb" (a few kilobytes that
// inflate to gigabytes). Before the spreadsheet reader sees the file, zip-records.ts checks that
// the entries the reader will walk are exactly those the central directory lists; here every one
// of them, whatever its name, counts against one budget: first by the size it declares (the
// reader allocates that much up front), then by what it really inflates to, which must be the
// declared size and checksum.
const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
const MIB = 1024 * 1024;

function refuseTooLarge(limit: number, detail: string): never {
  throw new AppError(
    'INVALID_INPUT',
    `Tệp Excel khi giải nén lớn hơn ${Math.ceil(limit / MIB)} MB, hoặc có dấu hiệu là tệp độc hại. Hãy tách sổ thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`,
    `xlsx refused: ${detail}`,
  );
}

async function inflatedSize(data: Buffer, e: ZipEntry): Promise<Inflated | null> {
  if (e.method === 0) return data.length <= e.uncompressedSize ? { bytes: data.length, crc: crc32(data) } : null;
  try {
    return await inflateCounted(data, e.uncompressedSize);
  } catch (err) {
    return refuseArchive(`${e.name} does not inflate: ${(err as Error).message}`);
  }
}

export async function guardXlsxArchive(data: Uint8Array, maxInflatedBytes = MAX_INFLATED_BYTES): Promise<void> {
  const entries = readZipEntries(data);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) refuseArchive('no xl/workbook.xml: not a spreadsheet');
  let budget = maxInflatedBytes;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) refuseArchive(`${e.name} uses compression method ${e.method}`);
    budget -= e.uncompressedSize;
    if (budget < 0) refuseTooLarge(maxInflatedBytes, `declared sizes pass the budget of ${maxInflatedBytes} bytes at ${e.name}`);
  }
  // Each entry inflates to no more than it declares, so together they stay within the budget.
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (const e of entries) {
    const out = await inflatedSize(buf.subarray(e.dataStart, e.dataStart + e.compressedSize), e);
    if (!out || out.bytes !== e.uncompressedSize) refuseArchive(`${e.name} does not inflate to the ${e.uncompressedSize} bytes it declares`);
    if (out.crc !== e.crc) refuseArchive(`${e.name} fails its CRC check`);
  }
}
