import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { fsyncDirectory, mapFsError, writeFileDurably } from '../../files/durable-fs.ts';
import { hashFile } from '../../files/blob-store.ts';
import { formatManifest, MANIFEST_NAME, type ManifestEntry } from './manifest.ts';
import type { DocumentMetadata, FileMetadata } from '../../casefiles/metadata.ts';
import { documentElement, fileElement, type XmlElement } from './metadata.ts';
import { serializeXml } from './metadata-xml.ts';
import { documentPdfName, FILE_XML, fileFolderName, ordinalStem, PACKAGE_XML } from './package-layout.ts';

export interface PackageDocument {
  readonly metadata: DocumentMetadata;
  // The document's PDFs, main file first: stored files on disk.
  readonly pdfPaths: readonly string[];
}

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface PackageFile {
  readonly metadata: FileMetadata;
  // In DocOrdinal order (the file's chronological order, Appendix VI III.4.g).
  readonly documents: readonly PackageDocument[];
  // The file's own forms (its mục lục văn bản), placed in its folder.
  readonly forms: readonly NamedBytes[];
}

export interface HandoverPackageInput {
  readonly organId: string;
  readonly organName: string;
  readonly year: number;
  readonly createdAt: string;
  readonly files: readonly PackageFile[];
  // The handover's forms (mục lục hồ sơ, biên bản), at the root.
  readonly forms: readonly NamedBytes[];
}

export interface WrittenHandoverPackage {
  readonly dir: string;
  readonly manifestSha256: string;
  readonly fileCount: number;
  readonly documentCount: number;
  readonly entries: number;
}

function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function packageElement(input: HandoverPackageInput, folders: readonly string[]): XmlElement {
  const leaf = (name: string, text: string | number) => ({ name, text: String(text) });
  return {
    name: 'HandoverPackage',
    children: [
      leaf('OrganId', input.organId),
      leaf('OrganName', input.organName),
      leaf('Year', input.year),
      leaf('CreatedAt', input.createdAt),
      leaf('FileCount', input.files.length),
      leaf('DocumentCount', input.files.reduce((n, f) => n + f.documents.length, 0)),
      {
        name: 'Files',
        children: input.files.map((f, i) => ({ name: 'FileEntry', children: [leaf('FileNotation', f.metadata.fileCode.fileNotation), leaf('Folder', folders[i]!)] })),
      },
    ],
  };
}

// Writes the electronic handover package into `dir`, which must not exist yet: everything goes
// into a hidden sibling folder first, each file fsynced, the manifest last, and the folder is
// renamed to its name only when complete, so a package under that name is always whole.
export function writeHandoverPackage(dir: string, input: HandoverPackageInput): WrittenHandoverPackage {
  if (existsSync(dir)) {
    throw new AppError('CONFLICT', `Thư mục ${basename(dir)} đã có: hãy chọn một thư mục mới cho gói nộp lưu.`, `package target ${dir} exists`);
  }
  const folders = input.files.map((f) => fileFolderName(f.metadata.fileCode.fileNotation));
  const clash = folders.find((f, i) => folders.indexOf(f) !== i);
  if (clash) throw new AppError('CONFLICT', `Hai hồ sơ cùng tên thư mục ${clash} trong gói nộp lưu: hãy sửa ký hiệu hồ sơ.`, `folder clash ${clash}`);

  const work = join(dirname(dir), `.${basename(dir)}.${randomUUID()}.partial`);
  const entries: ManifestEntry[] = [];
  const put = (relative: string, bytes: Uint8Array | string) => {
    const target = join(work, relative);
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    writeFileDurably(target, data, `${target}.tmp`);
    entries.push({ sha256: hashFile(target), path: relative });
  };
  try {
    mkdirSync(work);
    input.files.forEach((file, i) => {
      const folder = folders[i]!;
      mkdirSync(join(work, folder));
      put(`${folder}/${FILE_XML}`, serializeXml(fileElement(file.metadata)));
      for (const doc of file.documents) {
        const stem = ordinalStem(doc.metadata.docOrdinal);
        put(`${folder}/${stem}.xml`, serializeXml(documentElement(doc.metadata)));
        doc.pdfPaths.forEach((path, index) => {
          const relative = `${folder}/${documentPdfName(doc.metadata.docOrdinal, index)}`;
          copyDurably(path, join(work, relative));
          entries.push({ sha256: hashFile(join(work, relative)), path: relative });
        });
      }
      for (const form of file.forms) put(`${folder}/${form.name}`, form.bytes);
      fsyncDirectory(join(work, folder));
    });
    for (const form of input.forms) put(form.name, form.bytes);
    put(PACKAGE_XML, serializeXml(packageElement(input, folders)));
    const manifest = formatManifest(entries);
    writeFileDurably(join(work, MANIFEST_NAME), Buffer.from(manifest, 'utf8'), join(work, `${MANIFEST_NAME}.tmp`));
    renameSync(work, dir);
    fsyncDirectory(dirname(dir));
    return {
      dir,
      manifestSha256: hashFile(join(dir, MANIFEST_NAME)),
      fileCount: input.files.length,
      documentCount: input.files.reduce((n, f) => n + f.documents.length, 0),
      entries: entries.length,
    };
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw mapFsError(e, dir);
  }
}
