import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors.ts';

// An .xlsx file is a ZIP archive, and a hostile one can be a "zip bomb" (a few kilobytes that
// inflate to gigabytes) or hide entries the central directory does not list. Before the
// spreadsheet reader sees the file we walk the archive ourselves: every entry listed, laid end to
// end with nothing hidden between them, and every XML part inflated under a total budget.
const MAX_ENTRIES = 10_000;
const MAX_INFLATED_BYTES = 512 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly offset: number;
}

function refuse(detail: string): never {
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
  return refuse('no end of central directory');
}

function centralEntries(buf: Buffer, eocd: number): { entries: Entry[]; start: number } {
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const start = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || start === 0xffffffff) refuse('zip64 archive');
  if (count > MAX_ENTRIES) refuse(`${count} entries`);
  if (start + size !== eocd) refuse('central directory not followed by its end record');
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) refuse(`bad central entry ${i}`);
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      offset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return { entries, start };
}

// Where an entry's compressed data lies, checked against its local header.
function dataOf(buf: Buffer, e: Entry): { begin: number; end: number } {
  if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL_SIGNATURE) refuse(`bad local header for ${e.name}`);
  const begin = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  return { begin, end: begin + e.compressedSize };
}

export function guardXlsxArchive(data: Uint8Array, maxInflatedBytes = MAX_INFLATED_BYTES): void {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const eocd = endOfCentralDirectory(buf);
  const { entries, start } = centralEntries(buf, eocd);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) refuse('no xl/workbook.xml: not a spreadsheet');
  let expected = 0;
  let descriptor = false;
  let budget = maxInflatedBytes;
  const follows = (offset: number): boolean => (descriptor ? [0, 12, 16] : [0]).some((s) => offset === expected + s);
  for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (!follows(e.offset)) refuse(`gap or overlap before ${e.name}`);
    const { begin, end } = dataOf(buf, e);
    if (end > start) refuse(`${e.name} runs into the central directory`);
    expected = end;
    // An entry with a data descriptor (flag bit 3) is followed by 12 or 16 more bytes.
    descriptor = (e.flags & 0x08) !== 0;
    if (!/\.(xml|rels)$/.test(e.name)) continue;
    if (e.method === 0) {
      budget -= end - begin;
    } else if (e.method === 8) {
      try {
        budget -= inflateRawSync(buf.subarray(begin, end), { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        refuse(`${e.name} does not inflate within the budget: ${(err as Error).message}`);
      }
    } else {
      refuse(`${e.name} uses compression method ${e.method}`);
    }
    if (budget < 0) refuse('archive inflates past the limit');
  }
  if (!follows(start)) refuse('data hidden before the central directory');
}
