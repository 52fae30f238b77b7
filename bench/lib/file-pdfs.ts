import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { addAttachment } from '../../src/main/registry/documents.ts';

// The big file's documents carry a PDF each, as registered documents do (a scan, a signed
// file), so that opening the file and printing its mục lục count their pages from the PDFs the
// way the app does (casefiles/page-count.ts). 1–4 pages each, every one a distinct file.
export async function attachPdfs(profile: Profile, caseFileId: number): Promise<{ documents: number; pages: number }> {
  const ids = profile.db.prepare('SELECT document_id FROM case_file_documents WHERE case_file_id = ? AND removed_at IS NULL ORDER BY id').pluck().all(caseFileId) as number[];
  let pages = 0;
  for (const [i, documentId] of ids.entries()) {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.TimesRoman);
    const count = 1 + (i % 4);
    for (let n = 1; n <= count; n++) {
      pdf.addPage([595.28, 841.89]).drawText(`Van ban ${documentId}, trang ${n}/${count}`, { x: 72, y: 760, size: 13, font });
    }
    pages += count;
    addAttachment(profile, { documentId, name: `van-ban-${documentId}.pdf`, dataBase64: Buffer.from(await pdf.save()).toString('base64') });
  }
  return { documents: ids.length, pages };
}
