import { SaxesParser, type SaxesTagNS } from 'saxes';
import { Base64Stream } from './base64-stream.ts';
import { MAX_DEPTH, MAX_ELEMENTS, MAX_HEADER_TEXT, MAX_MARKUP, MAX_TOTAL_HEADER_TEXT } from './limits.ts';
import { EDXML_NS } from './model.ts';
import { refusal } from './refusal.ts';
import { XmlTextStream } from './xml-text.ts';
import type { XNode } from './xnode.ts';

// What the parser hands over for attachment content, in document order. `attachment` is the
// Attachment element the content belongs to (its other children may come before or after).
export type ContentEvent =
  | { readonly type: 'begin'; readonly attachment: XNode }
  | { readonly type: 'data'; readonly bytes: Buffer }
  | { readonly type: 'end' };

interface Frame {
  readonly node: XNode | null;
  readonly kind: 'tree' | 'skip' | 'content';
  decoder: XmlTextStream | null;
  pendingCR: boolean;
  base64: Base64Stream | null;
}

const ROOT: Frame = { node: null, kind: 'skip', decoder: null, pendingCR: false, base64: null };

// Streams a package into an XNode tree without ever holding an element's text in the XML
// parser. saxes buffers character data until the next tag, so a 200 MB base64 text node would
// sit in memory; instead this class feeds saxes only the markup (from each '<' to the '>' that
// completes a tag, comment, CDATA section or processing instruction) and routes the character
// data between them itself: to the tree (bounded), to a base64 decoder, or nowhere.
export class PackageParser {
  private readonly sax = new SaxesParser({ xmlns: true, position: false });
  private readonly frames: Frame[] = [ROOT];
  private readonly events: ContentEvent[] = [];
  private readonly maxAttachments: number;
  private root: XNode | null = null;
  private rootClosed = false;
  private inText = false;
  private markupSinceEvent = 0;
  private markupHead = '';
  private sawEvent = false;
  private elements = 0;
  private attachments = 0;
  private keptText = 0;

  constructor(maxAttachments: number) {
    this.maxAttachments = maxAttachments;
    this.sax.on('xmldecl', (d) => {
      if (d.encoding !== undefined && !/^utf-?8$/i.test(d.encoding)) {
        throw refusal('NOT_XML', 'tệp không dùng bảng mã UTF-8.', `declared encoding ${d.encoding}`);
      }
      this.event();
    });
    this.sax.on('doctype', () => {
      throw doctype();
    });
    this.sax.on('opentag', (tag) => this.open(tag));
    this.sax.on('closetag', () => this.close());
    this.sax.on('comment', () => this.event());
    this.sax.on('processinginstruction', () => this.event());
    this.sax.on('cdata', (text) => {
      this.text(text, true);
      this.event();
    });
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1] ?? ROOT;
  }

  private event(): void {
    this.sawEvent = true;
    this.markupSinceEvent = 0;
    this.markupHead = '';
  }

  private open(tag: SaxesTagNS): void {
    this.event();
    const depth = this.frames.length - 1;
    if (depth === 0 && (tag.local !== 'edXML' || tag.uri !== EDXML_NS)) {
      throw refusal('WRONG_ROOT', 'phần tử gốc không phải edXML của QCVN 102:2016.', `root {${tag.uri}}${tag.local}`);
    }
    if (depth >= MAX_DEPTH) throw oversized(`nesting deeper than ${MAX_DEPTH}`);
    if (++this.elements > MAX_ELEMENTS) throw oversized(`more than ${MAX_ELEMENTS} elements`);
    const parent = this.top;
    const ours = tag.uri === EDXML_NS || tag.uri === '';
    if (parent.kind !== 'tree' && depth > 0) {
      this.frames.push({ node: null, kind: 'skip', decoder: null, pendingCR: false, base64: null });
      return;
    }
    if (!ours) {
      this.frames.push({ node: null, kind: 'skip', decoder: null, pendingCR: false, base64: null });
      return;
    }
    if (tag.local === 'ContentTransferEncoded' && parent.node?.name === 'Attachment') {
      // Counted where a file would be made, wherever the Attachment element stands.
      if (++this.attachments > this.maxAttachments) {
        throw refusal('TOO_MANY_ATTACHMENTS', `có quá ${this.maxAttachments} tệp đính kèm.`, `more than ${this.maxAttachments} attachments`);
      }
      this.events.push({ type: 'begin', attachment: parent.node });
      this.frames.push({ node: null, kind: 'content', decoder: new XmlTextStream(), pendingCR: false, base64: new Base64Stream() });
      return;
    }
    const node: XNode = { name: tag.local, children: [], text: '' };
    if (parent.node) {
      parent.node.children.push(node);
      // Whitespace between an element's children is not content.
      parent.node.text = '';
      parent.decoder = null;
    } else {
      this.root = node;
    }
    this.frames.push({ node, kind: 'tree', decoder: new XmlTextStream(), pendingCR: false, base64: null });
  }

  private close(): void {
    this.event();
    const frame = this.frames.pop();
    if (!frame) return;
    if (this.frames.length === 1) this.rootClosed = true;
    frame.decoder?.end();
    if (frame.kind === 'content' && frame.base64) {
      const tail = frame.base64.end();
      if (tail.length > 0) this.events.push({ type: 'data', bytes: tail });
      this.events.push({ type: 'end' });
    }
    if (frame.kind === 'tree' && frame.node) {
      if (frame.node.children.length > 0) frame.node.text = '';
      this.keptText += frame.node.text.length;
      if (this.keptText > MAX_TOTAL_HEADER_TEXT) throw oversized(`more than ${MAX_TOTAL_HEADER_TEXT} characters of header text`);
    }
  }

  // Character data of the innermost open element; `cdata` when it needs no decoding.
  private text(raw: string, cdata: boolean): void {
    const f = this.top;
    if (f.kind === 'skip' || !f.decoder) return;
    let text = cdata ? raw : f.decoder.push(raw);
    if (f.kind === 'content' && f.base64) {
      const bytes = f.base64.push(text);
      if (bytes.length > 0) this.events.push({ type: 'data', bytes });
      return;
    }
    if (!f.node) return;
    // Line ends as XML 1.0 §2.11 normalises them, also when a CR LF pair is cut by a chunk.
    if (f.pendingCR && text.startsWith('\n')) text = text.slice(1);
    f.pendingCR = text.endsWith('\r');
    f.node.text += text.replace(/\r\n?/g, '\n');
    if (f.node.text.length > MAX_HEADER_TEXT) {
      throw oversized(`element ${f.node.name} has more than ${MAX_HEADER_TEXT} characters of text`);
    }
  }

  feed(chunk: string): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.inText) {
        const lt = chunk.indexOf('<', i);
        const end = lt === -1 ? chunk.length : lt;
        if (end > i) this.text(chunk.slice(i, end), false);
        if (lt === -1) return;
        this.inText = false;
        this.markupSinceEvent = 0;
        this.markupHead = '';
        i = lt;
        continue;
      }
      const gt = chunk.indexOf('>', i);
      const end = gt === -1 ? chunk.length : gt + 1;
      const piece = chunk.slice(i, end);
      this.markup(piece);
      i = end;
      if (this.sawEvent && this.frames.length > 1) this.inText = true;
    }
  }

  private markup(piece: string): void {
    this.markupSinceEvent += piece.length;
    if (this.markupSinceEvent > MAX_MARKUP) throw oversized(`markup construct longer than ${MAX_MARKUP} characters`);
    if (this.markupHead.length < 32) {
      this.markupHead += piece.slice(0, 32);
      if (/^\s*<!\s*(DOCTYPE|ENTITY)/i.test(this.markupHead)) throw doctype();
    }
    this.sawEvent = false;
    this.sax.write(piece);
  }

  takeEvents(): ContentEvent[] {
    return this.events.splice(0, this.events.length);
  }

  // The tree, once the whole file has been fed; a file that stops before its root closes is
  // truncated.
  finish(): XNode {
    if (!this.rootClosed || !this.root) {
      throw refusal('TRUNCATED', 'tệp bị cắt cụt (thiếu phần cuối).', this.root ? 'root element not closed' : 'no root element');
    }
    this.sax.close();
    return this.root;
  }
}

function oversized(detail: string): Error {
  return refusal('OVERSIZED', 'có phần tử quá lớn so với giới hạn cho phép.', detail);
}

function doctype(): Error {
  return refusal('DOCTYPE', 'tệp có khai báo DOCTYPE/ENTITY, không được phép trong gói tin edXML.', 'DOCTYPE or ENTITY declaration');
}
