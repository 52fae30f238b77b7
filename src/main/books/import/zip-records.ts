import { AppError } from '../../../shared/errors.ts';

// The entries of an .xlsx (a ZIP archive) as the spreadsheet reader will see them. The ZIP has
// two descriptions of each entry: the central directory at the end, and a local header in front
// of the data. read-excel-file's streaming unzipper (unzipper-esm Parse()) reads ONLY the local
// headers, front to back, and takes names and sizes from them; a guard that trusted the central
// directory alone could be shown one archive while the reader inflates another (a 1 MB file whose
// local name "xl/media/bomb.xml" differed from its central name "bomb.bin" inflated 1 GiB). So we
// walk the file the way that reader does and require every local header to agree with its
// central record, with nothing else anywhere between the first entry and the end record.
const MAX_ENTRIES = 10_000;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const ZIP64_MARK = 0xffffffff;
// General-purpose flag bit 3: sizes and CRC follow the data in a data descriptor.
const HAS_DESCRIPTOR = 0x08;
const ENCRYPTED = 0x01;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  // Where the compressed data begins, after the local header.
  readonly dataStart: number;
}

interface CentralRecord extends Omit<ZipEntry, 'dataStart'> {
  readonly rawName: Buffer;
  readonly offset: number;
}

export function refuseArchive(detail: string): never {
  throw new AppError(
    'INVALID_INPUT',
    'Tệp không phải bảng tính Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)".',
    `xlsx refused: ${detail}`,
  );
}

function endOfCentralDirectory(buf: Buffer): number {
  const earliest = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= earliest; at--) {
    if (buf.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return refuseArchive('no end of central directory');
}

function centralRecords(buf: Buffer, eocd: number): { records: CentralRecord[]; start: number } {
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === ZIP64_MARK) refuseArchive('zip64 archive');
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0 || buf.readUInt16LE(eocd + 8) !== count) refuseArchive('multi-disk archive');
  if (count > MAX_ENTRIES) refuseArchive(`${count} entries`);
  if (start + size !== eocd) refuseArchive('central directory not followed by its end record');
  const records: CentralRecord[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) refuseArchive(`bad central entry ${i}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const rawName = buf.subarray(at + 46, at + 46 + nameLength);
    const record: CentralRecord = {
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
      rawName,
      name: rawName.toString('utf8'),
    };
    if ([record.compressedSize, record.uncompressedSize, record.offset].includes(ZIP64_MARK)) refuseArchive(`zip64 entry ${record.name}`);
    records.push(record);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  // Records fill the directory exactly: no end record or entry can hide in a gap.
  if (at !== eocd) refuseArchive('central directory has data its records do not account for');
  return { records, start };
}

function sameSizes(a: { crc: number; compressedSize: number; uncompressedSize: number }, b: CentralRecord): boolean {
  return a.crc === b.crc && a.compressedSize === b.compressedSize && a.uncompressedSize === b.uncompressedSize;
}

// One local header at `at`, checked against the central record for that offset; returns the entry
// and where the reader will look for the next record.
function localEntry(buf: Buffer, at: number, end: number, central: CentralRecord | undefined): { entry: ZipEntry; next: number } {
  if (at + 30 > end || buf.readUInt32LE(at) !== LOCAL_SIGNATURE) refuseArchive(`data hidden at offset ${at}: not an entry`);
  if (!central) refuseArchive(`entry at offset ${at} has no central record`);
  const nameLength = buf.readUInt16LE(at + 26);
  const dataStart = at + 30 + nameLength + buf.readUInt16LE(at + 28);
  const local = {
    flags: buf.readUInt16LE(at + 6),
    method: buf.readUInt16LE(at + 8),
    crc: buf.readUInt32LE(at + 14),
    compressedSize: buf.readUInt32LE(at + 18),
    uncompressedSize: buf.readUInt32LE(at + 22),
  };
  const what = central.name;
  if (dataStart > end) refuseArchive(`local header of ${what} runs into the central directory`);
  if (!buf.subarray(at + 30, at + 30 + nameLength).equals(central.rawName)) refuseArchive(`local name differs from central name ${what}`);
  if (local.method !== central.method || local.flags !== central.flags) refuseArchive(`local header of ${what} differs in method or flags`);
  if (local.flags & ENCRYPTED) refuseArchive(`${what} is encrypted`);
  const entry: ZipEntry = { ...central, dataStart };
  const dataEnd = dataStart + central.compressedSize;
  if ((local.flags & HAS_DESCRIPTOR) === 0 || local.compressedSize > 0) {
    // The reader takes the sizes from this header and expects the next record right after the data.
    const crcKnown = (local.flags & HAS_DESCRIPTOR) === 0;
    if (!sameSizes({ ...local, crc: crcKnown ? local.crc : central.crc }, central)) refuseArchive(`local sizes of ${what} differ from the central directory`);
    return { entry, next: dataEnd };
  }
  // Sizes unknown in the header: the reader ends the data at the first descriptor signature it
  // meets, so that must be exactly where the central directory says the data ends.
  if (buf.indexOf(DESCRIPTOR_SIGNATURE, dataStart) !== dataEnd || dataEnd + 16 > end) refuseArchive(`data descriptor of ${what} is not where its data ends`);
  const descriptor = { crc: buf.readUInt32LE(dataEnd + 4), compressedSize: buf.readUInt32LE(dataEnd + 8), uncompressedSize: buf.readUInt32LE(dataEnd + 12) };
  if (!sameSizes(descriptor, central)) refuseArchive(`data descriptor of ${what} differs from the central directory`);
  return { entry, next: dataEnd + 16 };
}

// Every entry of the archive, in file order, with local and central descriptions agreeing.
export function readZipEntries(data: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const eocd = endOfCentralDirectory(buf);
  const { records, start } = centralRecords(buf, eocd);
  const byOffset = new Map<number, CentralRecord>();
  const names = new Set<string>();
  for (const r of records) {
    if (byOffset.has(r.offset)) refuseArchive(`two central records for offset ${r.offset}`);
    if (names.has(r.name)) refuseArchive(`entry ${r.name} listed twice`);
    byOffset.set(r.offset, r);
    names.add(r.name);
  }
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at < start) {
    const { entry, next } = localEntry(buf, at, start, byOffset.get(at));
    if (next > start) refuseArchive(`${entry.name} runs into the central directory`);
    byOffset.delete(at);
    entries.push(entry);
    at = next;
  }
  // Reached only if a record points elsewhere than where the walk met an entry.
  if (byOffset.size > 0) refuseArchive(`central record ${[...byOffset.values()][0]?.name ?? ''} matches no entry`);
  return entries;
}
