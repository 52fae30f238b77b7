import { foldVietnamese } from '../../../shared/domain/fold.ts';

// Where things stand in a handover package (docs/case-files.md, Handover package):
//   MANIFEST.sha256, package.xml, the mục lục hồ sơ and biên bản PDFs at the root;
//   one folder per file, named by its notation; in it ho-so.xml, the mục lục văn bản PDF, and per
//   document in DocOrdinal order NNN.xml with its PDFs NNN.pdf, NNN-02.pdf, …
export const PACKAGE_XML = 'package.xml';
export const FILE_XML = 'ho-so.xml';

export function fileFolderName(notation: string): string {
  const folded = foldVietnamese(notation).toUpperCase();
  return folded.replace(/[^0-9A-Z.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'HO-SO';
}

export const ordinalStem = (ordinal: number): string => String(ordinal).padStart(3, '0');

export function documentPdfName(ordinal: number, index: number): string {
  return index === 0 ? `${ordinalStem(ordinal)}.pdf` : `${ordinalStem(ordinal)}-${String(index + 1).padStart(2, '0')}.pdf`;
}

// The names a document's files may have in its folder, to tell a stray file from the package's.
export const DOCUMENT_FILE = /^(\d{3})(?:-(\d{2}))?\.(pdf|xml)$/;
