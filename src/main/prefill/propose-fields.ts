import { MAX_PREFILL_BYTES, PREFILL_FIELDS, type ProposeFieldsResult } from '../../shared/api/schemas/prefill.ts';
import { openWithPdfjs } from '../signing/placement/pdfjs-node.ts';
import { type Found, readHeader } from './header-rules.ts';
import { readPageLines } from './read-lines.ts';
import { readSigner } from './signer-rules.ts';

// Proposes the incoming register's fields from the text of a PDF (docs/prefill.md): the header of
// page 1 (agency, number, date, type, subject) and the signature block of the last page that has
// one. A file that cannot be read gives no proposals and says why; it never fails the form.

const noProposals = (): ProposeFieldsResult['proposals'] =>
  Object.fromEntries(PREFILL_FIELDS.map((f) => [f, null])) as ProposeFieldsResult['proposals'];

function unreadable(messageVi: string): ProposeFieldsResult {
  return { status: 'unreadable', messageVi, pages: 0, proposals: noProposals() };
}

export async function proposeFields(bytes: Uint8Array): Promise<ProposeFieldsResult> {
  if (bytes.length > MAX_PREFILL_BYTES) return unreadable(`Tệp lớn quá ${MAX_PREFILL_BYTES / 1024 / 1024} MB: không đọc nội dung để đề xuất; hãy nhập các ô.`);
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return unreadable('Tệp không phải PDF: không có nội dung để đề xuất; hãy nhập các ô.');
  let doc;
  try {
    // pdf.js takes the buffer over; a copy keeps the caller's bytes.
    doc = await openWithPdfjs(new Uint8Array(bytes));
  } catch {
    return unreadable('Tệp PDF bị hỏng hoặc không đọc được: không có đề xuất; hãy nhập các ô.');
  }
  try {
    const pages = doc.numPages;
    const found: Found = {};
    let text = false;
    try {
      const first = await readPageLines(doc, 0);
      text = first.lines.length > 0;
      Object.assign(found, readHeader(first));
      // The signature block is on the last page, or runs over from the one before it.
      const last = pages === 1 ? first : await readPageLines(doc, pages - 1);
      const before = pages === 2 ? first : pages > 2 ? await readPageLines(doc, pages - 2) : null;
      text ||= last.lines.length > 0;
      Object.assign(found, readSigner(before ? [before, last] : [last]));
    } catch {
      return unreadable('Tệp PDF bị hỏng ở phần nội dung: không có đề xuất; hãy nhập các ô.');
    }
    if (!text) return { status: 'no-text', messageVi: 'Tệp PDF không có lớp chữ (bản quét): không có đề xuất; hãy nhập các ô.', pages, proposals: noProposals() };
    const proposals = { ...noProposals(), ...found };
    const missing = PREFILL_FIELDS.filter((f) => !proposals[f]).length;
    return { status: 'read', messageVi: missing === PREFILL_FIELDS.length ? 'Không nhận ra bố cục văn bản theo Nghị định 30: không có đề xuất; hãy nhập các ô.' : null, pages, proposals };
  } finally {
    await doc.loadingTask.destroy();
  }
}
