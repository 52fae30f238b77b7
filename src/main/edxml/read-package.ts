import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../../shared/errors.ts';
import { mapFsError } from '../files/durable-fs.ts';
import { displayName, safeExtension, unsafeNameReason } from './attachment-name.ts';
import { DurableOutput } from './durable-output.ts';
import { headerOf, manifest as manifestOf, normalContentId } from './header-from-tree.ts';
import { DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_MAX_ATTACHMENTS } from './limits.ts';
import type { DocumentHeader, ManifestReference, StatusHeader, TraceHeaderList } from './model.ts';
import { PackageParser, type ContentEvent } from './package-parser.ts';
import { refusal } from './refusal.ts';
import { unzipSingle, ZIP_MAGIC } from './unzip-single.ts';
import { child, textOf, type XNode } from './xnode.ts';

export interface ReadOptions {
  // Where decoded attachments are stored; created when missing.
  readonly outputDir: string;
  readonly maxAttachmentBytes?: number;
  readonly maxAttachments?: number;
}

export interface ReadAttachment {
  // Without `cid:`.
  readonly contentId: string;
  // AttachmentName made fit for display; never a path.
  readonly name: string;
  readonly description: string;
  // Every ContentType/MimeType label the manifest and the attachment gave, distinct.
  readonly declaredTypes: readonly string[];
  // A generated name in outputDir, durable.
  readonly storedPath: string;
  readonly size: number;
  readonly sha256: string;
  // The content arrived zipped (detected by its bytes) and storedPath is its single entry.
  readonly zipped: boolean;
}

interface Body {
  readonly manifest: readonly ManifestReference[];
  readonly attachments: readonly ReadAttachment[];
}

export type ReadPackageResult =
  | ({ readonly kind: 'document'; readonly header: DocumentHeader; readonly trace: TraceHeaderList } & Body)
  | ({ readonly kind: 'status'; readonly header: StatusHeader; readonly trace: TraceHeaderList } & Body);

interface Stored {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly zipped: boolean;
}

interface Writing {
  readonly attachment: XNode;
  readonly out: DurableOutput;
  readonly ext: string;
  head: Buffer;
}

const CHUNK = 256 * 1024;

function unsafeName(name: string, why: string): Error {
  return refusal('UNSAFE_NAME', `tên tệp đính kèm "${displayName(name).slice(0, 80)}" không an toàn.`, `unsafe AttachmentName ${JSON.stringify(name.slice(0, 300))}: ${why}`);
}

function checkName(name: string): void {
  const why = unsafeNameReason(name);
  if (why !== null) throw unsafeName(name, why);
}

// Untrimmed: a trailing space or dot is itself a reason to refuse the name.
function rawName(node: XNode | undefined): string {
  return child(node, 'AttachmentName')?.text ?? '';
}

function notXml(e: unknown): unknown {
  if (isAppError(e)) return e;
  return refusal('NOT_XML', 'tệp không phải XML hợp lệ.', (e as Error).message);
}

// Decodes, stores and unzips attachments as their content streams past; remembers every file
// it made so that a refusal leaves nothing behind.
class AttachmentStore {
  readonly stored = new Map<XNode, Stored>();
  private readonly files: string[] = [];
  private writing: Writing | null = null;
  private readonly dir: string;
  private readonly maxBytes: number;

  constructor(dir: string, maxBytes: number) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  private newPath(ext: string): string {
    return join(this.dir, `edxml-${randomUUID()}${ext}`);
  }

  async handle(ev: ContentEvent): Promise<void> {
    if (ev.type === 'begin') {
      if (this.stored.has(ev.attachment)) throw refusal('DUPLICATE_ATTACHMENT', 'một tệp đính kèm có hai nội dung.', 'Attachment with two ContentTransferEncoded');
      const name = rawName(ev.attachment);
      checkName(name);
      const ext = safeExtension(name);
      this.writing = { attachment: ev.attachment, out: await DurableOutput.create(this.newPath(ext)), ext, head: Buffer.alloc(0) };
      return;
    }
    const w = this.writing;
    if (!w) return;
    if (ev.type === 'data') {
      if (w.head.length < ZIP_MAGIC.length) w.head = Buffer.concat([w.head, ev.bytes.subarray(0, ZIP_MAGIC.length)]);
      await w.out.write(ev.bytes);
      if (w.out.bytes > this.maxBytes) {
        throw refusal('OVERSIZED', 'tệp đính kèm vượt quá dung lượng cho phép.', `attachment larger than ${this.maxBytes} bytes`);
      }
      return;
    }
    this.writing = null;
    this.files.push(w.out.target);
    const raw = await w.out.commit();
    if (!w.head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
      this.stored.set(w.attachment, { path: w.out.target, size: raw.bytes, sha256: raw.sha256, zipped: false });
      return;
    }
    const out = await DurableOutput.create(this.newPath(w.ext));
    this.writing = { ...w, out };
    await unzipSingle(w.out.target, out, this.maxBytes);
    this.writing = null;
    this.files.push(out.target);
    const inner = await out.commit();
    await rm(w.out.target, { force: true });
    this.stored.set(w.attachment, { path: out.target, size: inner.bytes, sha256: inner.sha256, zipped: true });
  }

  async discard(): Promise<void> {
    await this.writing?.out.abort();
    await Promise.all(this.files.map((f) => rm(f, { force: true })));
  }
}

function attachmentNodes(node: XNode, into: XNode[] = []): XNode[] {
  for (const c of node.children) {
    if (node.name === 'AttachmentEncoded' && c.name === 'Attachment') into.push(c);
    else attachmentNodes(c, into);
  }
  return into;
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function pairAttachments(root: XNode, refs: readonly ManifestReference[], store: AttachmentStore): ReadAttachment[] {
  const listed = attachmentNodes(root);
  for (const node of listed) {
    if (!store.stored.has(node)) {
      throw refusal('MISSING_ATTACHMENT', 'có tệp đính kèm không có nội dung.', `Attachment ${textOf(node, 'ContentId')} without content`);
    }
  }
  const byId = new Map<string, ReadAttachment>();
  let index = 0;
  for (const [node, s] of store.stored) {
    index += 1;
    const contentId = normalContentId(textOf(node, 'ContentId'));
    if (byId.has(contentId)) throw refusal('DUPLICATE_ATTACHMENT', 'hai tệp đính kèm trùng mã (ContentId).', `duplicate ContentId ${contentId}`);
    const ref = refs.find((r) => r.contentId === contentId);
    const name = rawName(node) || ref?.attachmentName || '';
    checkName(name);
    byId.set(contentId, {
      contentId,
      name: name === '' ? `Tệp đính kèm ${index}` : displayName(name),
      description: textOf(node, 'Description') || ref?.description || '',
      declaredTypes: distinct([ref?.contentType ?? '', textOf(node, 'ContentType'), textOf(node, 'MimeType')]),
      storedPath: s.path,
      size: s.size,
      sha256: s.sha256,
      zipped: s.zipped,
    });
  }
  for (const ref of refs) {
    checkName(ref.attachmentName);
    if (!byId.has(ref.contentId)) {
      throw refusal('MISSING_ATTACHMENT', 'danh mục tệp đính kèm nhắc tới một tệp không có trong gói tin.', `manifest reference ${ref.contentId} has no attachment`);
    }
  }
  return [...byId.values()];
}

// Reads a package from disk with bounded memory: the header into a typed model, attachments
// decoded to files in outputDir as they stream past. Hostile or unreadable input is refused
// with AppError('EDXML_REFUSED') (data.reason says why) and every file made is removed first.
export async function readPackage(path: string, options: ReadOptions): Promise<ReadPackageResult> {
  const parser = new PackageParser(options.maxAttachments ?? DEFAULT_MAX_ATTACHMENTS);
  try {
    await mkdir(options.outputDir, { recursive: true });
  } catch (e) {
    throw mapFsError(e, options.outputDir);
  }
  const store = new AttachmentStore(options.outputDir, options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES);
  try {
    const stream = createReadStream(path, { highWaterMark: CHUNK, encoding: 'utf8' });
    let first = true;
    try {
      for await (const chunk of stream as AsyncIterable<string>) {
        try {
          parser.feed(first ? chunk.replace(/^\uFEFF/, '') : chunk);
        } catch (e) {
          throw notXml(e);
        }
        first = false;
        for (const ev of parser.takeEvents()) await store.handle(ev);
      }
    } finally {
      stream.destroy();
    }
    let root: XNode;
    try {
      root = parser.finish();
    } catch (e) {
      throw notXml(e);
    }
    const head = headerOf(root);
    const manifest = manifestOf(root);
    return { ...head, manifest, attachments: pairAttachments(root, manifest, store) };
  } catch (e) {
    await store.discard();
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (!isAppError(e) && (code === 'ENOENT' || code === 'EISDIR')) {
      throw new AppError('FILE_MISSING', `Không tìm thấy tệp gói tin ${path}.`, `${code} reading ${path}`);
    }
    throw e;
  }
}
