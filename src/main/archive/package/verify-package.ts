import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { hashFile } from '../../files/blob-store.ts';
import { listPages } from '../../pdf/page-tree.ts';
import { withReader } from '../../pdf/pdf-reader.ts';
import { MANIFEST_NAME, parseManifest } from './manifest.ts';
import { FIELD_LENGTHS } from './metadata.ts';
import { childText, MetadataXmlError, type ParsedElement, parseXml } from './metadata-xml.ts';
import { DOCUMENT_FILE, FILE_XML, PACKAGE_XML } from './package-layout.ts';

// Checks a handover package as the receiving archive would (docs/case-files.md, Verifying a
// package): every file listed in the manifest with its SHA-256 and nothing unlisted; the metadata
// well-formed and within the Appendix VI lengths; each file's documents numbered 1…n in the order
// of their dates, all with the file's FileCode, DocTotal and PageTotal as counted; every PDF a PDF,
// and a document's PDFs together of the PageAmount its metadata states. The package is hostile input: symbolic
// links, paths out of the folder and oversized metadata are refused, never followed.

export interface PackageProblem {
  readonly path: string;
  readonly messageVi: string;
  readonly severity: 'error' | 'warning';
}

export interface PackageReport {
  readonly ok: boolean;
  readonly files: number;
  readonly documents: number;
  readonly checkedFiles: number;
  readonly problems: readonly PackageProblem[];
}

const MAX_XML_BYTES = 1 << 20;

function walk(root: string, relative: string, out: string[], problems: PackageProblem[]): void {
  for (const name of readdirSync(join(root, relative)).sort()) {
    const rel = relative ? `${relative}/${name}` : name;
    const st = lstatSync(join(root, rel));
    if (st.isSymbolicLink()) problems.push({ path: rel, messageVi: 'là liên kết tượng trưng: gói nộp lưu không được chứa liên kết.', severity: 'error' });
    else if (st.isDirectory()) walk(root, rel, out, problems);
    else if (st.isFile()) out.push(rel);
    else problems.push({ path: rel, messageVi: 'không phải tệp thông thường.', severity: 'error' });
  }
}

export async function verifyHandoverPackage(dir: string): Promise<PackageReport> {
  const problems: PackageProblem[] = [];
  const error = (path: string, messageVi: string) => problems.push({ path, messageVi, severity: 'error' });
  const report = (files: number, documents: number, checkedFiles: number): PackageReport => ({
    ok: !problems.some((p) => p.severity === 'error'),
    files,
    documents,
    checkedFiles,
    problems,
  });

  let manifestText: string;
  try {
    if (!lstatSync(join(dir, MANIFEST_NAME)).isFile()) throw new Error('not a file');
    manifestText = readFileSync(join(dir, MANIFEST_NAME), 'utf8');
  } catch {
    error(MANIFEST_NAME, 'không có bảng băm SHA-256 của gói: đây không phải gói nộp lưu hoàn chỉnh.');
    return report(0, 0, 0);
  }
  const manifest = parseManifest(manifestText);
  for (const b of manifest.bad) error(`${MANIFEST_NAME}:${b.line}`, `dòng không đúng định dạng "mã băm  đường dẫn" hoặc đường dẫn ra ngoài gói: ${b.text}`);

  const present: string[] = [];
  walk(dir, '', present, problems);
  const listed = new Map(manifest.entries.map((e) => [e.path, e.sha256]));
  for (const path of present) {
    if (path === MANIFEST_NAME) continue;
    if (!listed.has(path)) error(path, 'có trong gói nhưng không có trong bảng băm (tệp lạ hoặc được thêm sau).');
  }
  const presentSet = new Set(present);
  let checked = 0;
  for (const [path, sha256] of listed) {
    if (!presentSet.has(path)) error(path, 'có trong bảng băm nhưng không có trong gói (tệp bị mất).');
    else if (hashFile(join(dir, path)) !== sha256) error(path, 'mã băm SHA-256 không khớp: tệp đã bị thay đổi hoặc hỏng.');
    else checked++;
  }

  const readXml = (path: string): ParsedElement | null => {
    if (!presentSet.has(path)) {
      error(path, 'thiếu tệp dữ liệu đặc tả.');
      return null;
    }
    const size = lstatSync(join(dir, path)).size;
    if (size > MAX_XML_BYTES) {
      error(path, `tệp dữ liệu đặc tả lớn bất thường (${size} byte).`);
      return null;
    }
    try {
      const root = parseXml(readFileSync(join(dir, path), 'utf8'));
      checkLengths(root, path, problems);
      return root;
    } catch (e) {
      error(path, `không phải XML hợp lệ${e instanceof MetadataXmlError ? ` (${e.message})` : ''}.`);
      return null;
    }
  };

  const pkg = readXml(PACKAGE_XML);
  const folders = pkg?.children.find((c) => c.name === 'Files')?.children.map((f) => ({ notation: childText(f, 'FileNotation') ?? '', folder: childText(f, 'Folder') ?? '' })) ?? [];
  const organId = pkg ? childText(pkg, 'OrganId') : null;
  let documents = 0;
  for (const { notation, folder } of folders) {
    const fileXml = readXml(`${folder}/${FILE_XML}`);
    if (!fileXml) continue;
    const code = (e: ParsedElement) => [childText(e, 'FileCode/OrganId'), childText(e, 'FileCode/FileCatalog'), childText(e, 'FileCode/FileNotation')].join('.');
    const fileCode = code(fileXml);
    if (childText(fileXml, 'FileCode/FileNotation') !== notation) error(`${folder}/${FILE_XML}`, `số và ký hiệu hồ sơ khác với danh sách của gói (${notation}).`);
    if (organId !== null && childText(fileXml, 'FileCode/OrganId') !== organId) error(`${folder}/${FILE_XML}`, 'mã định danh cơ quan khác với của gói.');
    const ordinals = [...new Set(present.filter((p) => p.startsWith(`${folder}/`)).map((p) => DOCUMENT_FILE.exec(p.slice(folder.length + 1))?.[1]).filter((s): s is string => s !== undefined))].sort();
    let previousDate = '';
    let pages = 0;
    for (const [i, stem] of ordinals.entries()) {
      const path = `${folder}/${stem}.xml`;
      if (Number(stem) !== i + 1) error(path, `số thứ tự văn bản trong hồ sơ không liên tục (mong đợi ${i + 1}).`);
      const doc = readXml(path);
      if (!doc) continue;
      documents++;
      if (code(doc) !== fileCode) error(path, `mã hồ sơ của văn bản (${code(doc)}) khác mã hồ sơ ${fileCode}.`);
      if (childText(doc, 'DocOrdinal') !== String(Number(stem))) error(path, 'DocOrdinal khác với tên tệp.');
      const date = childText(doc, 'IssuedDate') ?? '';
      if (date < previousDate) error(path, `văn bản ngày ${date} đứng sau văn bản ngày ${previousDate}: hồ sơ phải theo trình tự thời gian.`);
      previousDate = date > previousDate ? date : previousDate;
      const pdfs = present.filter((p) => {
        const m = p.startsWith(`${folder}/`) ? DOCUMENT_FILE.exec(p.slice(folder.length + 1)) : null;
        return m?.[1] === stem && m[3] === 'pdf';
      });
      // A paper document filed without a scan has no PDF: its page count is the register's.
      const stated = Number(childText(doc, 'PageAmount'));
      let docPages = 0;
      for (const pdf of pdfs) docPages += await countPages(dir, pdf, error);
      if (pdfs.length > 0 && docPages !== stated) error(path, `số trang ghi ${childText(doc, 'PageAmount')} nhưng các tệp PDF có ${docPages} trang.`);
      pages += pdfs.length > 0 ? docPages : Number.isInteger(stated) && stated >= 0 ? stated : 0;
    }
    if (childText(fileXml, 'DocTotal') !== String(ordinals.length)) error(`${folder}/${FILE_XML}`, `tổng số văn bản ghi ${childText(fileXml, 'DocTotal')} nhưng hồ sơ có ${ordinals.length}.`);
    if (childText(fileXml, 'PageTotal') !== String(pages)) error(`${folder}/${FILE_XML}`, `tổng số trang ghi ${childText(fileXml, 'PageTotal')} nhưng đếm được ${pages}.`);
  }
  if (pkg && childText(pkg, 'FileCount') !== String(folders.length)) error(PACKAGE_XML, 'số hồ sơ ghi trong gói khác với danh sách hồ sơ.');
  if (pkg && childText(pkg, 'DocumentCount') !== String(documents)) error(PACKAGE_XML, `số văn bản ghi ${childText(pkg, 'DocumentCount')} nhưng gói có ${documents}.`);
  return report(folders.length, documents, checked);
}

async function countPages(dir: string, path: string, error: (path: string, messageVi: string) => void): Promise<number> {
  try {
    const head = Buffer.alloc(1024);
    const fd = openSync(join(dir, path), 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    if (!head.toString('latin1').includes('%PDF-')) throw new Error('no header');
    return await withReader(join(dir, path), (r) => listPages(r).length);
  } catch {
    error(path, 'không phải tệp PDF đọc được.');
    return 0;
  }
}

function checkLengths(root: ParsedElement, path: string, problems: PackageProblem[]): void {
  const visit = (e: ParsedElement, parent: string) => {
    const limit = FIELD_LENGTHS[`${parent}/${e.name}`] ?? FIELD_LENGTHS[e.name];
    if (limit !== undefined && [...e.text].length > limit) {
      problems.push({ path, messageVi: `${e.name} dài ${[...e.text].length} ký tự, quá ${limit} ký tự theo Phụ lục VI.`, severity: 'warning' });
    }
    for (const c of e.children) visit(c, e.name);
  };
  visit(root, '');
}
