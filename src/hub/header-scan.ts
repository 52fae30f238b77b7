import { SaxesParser, type SaxesTagNS } from 'saxes';
import { HubFailure } from './envelope.ts';
import type { TraceInsertion } from './store.ts';

// What the hub needs from a package, read by a streaming parse of the header only: the parse
// stops at </edXMLHeader>, so a 200 MB body of attachments is never parsed nor held.
export interface PackageHeader {
  readonly fromOrganId: string;
  readonly toOrganIds: readonly string[];
  readonly responseForOrganIds: readonly string[];
  // Subject for a document, StatusCode for a status package.
  readonly title: string;
  // CodeNumber/CodeNotation for a document, ResponseFor/Code for a status package.
  readonly notation: string;
  readonly trace: TraceInsertion | null;
}

// A header bigger than this is refused rather than buffered: real headers are a few kB.
export const MAX_HEADER_CHARS = 8 * 1024 * 1024;
const MAX_FIELD_CHARS = 4096;
// Enough of the decoded text is kept to look back from a closing tag to its '<'.
const WINDOW_CHARS = 4096;

function refuse(description: string, detail: string): HubFailure {
  return new HubFailure('PACKAGE_REFUSED', description, detail);
}

type Field = 'from' | 'to' | 'responseFor' | 'subject' | 'codeNumber' | 'codeNotation' | 'responseForCode' | 'statusCode';

// Paths below the message header (MessageHeader, or Status in one vendor's variant).
function fieldAt(path: readonly string[]): Field | undefined {
  const key = path.join('/');
  switch (key) {
    case 'From/OrganId':
      return 'from';
    case 'To/OrganId':
      return 'to';
    case 'ResponseFor/OrganId':
      return 'responseFor';
    case 'ResponseFor/Code':
      return 'responseForCode';
    case 'Subject':
      return 'subject';
    case 'Code/CodeNumber':
      return 'codeNumber';
    case 'Code/CodeNotation':
      return 'codeNotation';
    case 'StatusCode':
      return 'statusCode';
    default:
      return undefined;
  }
}

export class HeaderScanner {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  // fatal: a header that is not UTF-8 is refused; ignoreBOM keeps the BOM so byte offsets hold.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly stack: string[] = [];
  private readonly window: string[] = [];
  private windowChars = 0;
  private windowStartPos = 0;
  private windowStartByte = 0;
  private fedChars = 0;
  private headerDepth = -1;
  private messageHeaderDepth = -1;
  private messageHeaderSeen = false;
  private capture: { field: Field; text: string } | undefined;
  private readonly values = new Map<Field, string[]>();
  private traceListEnd: { offset: number; prefix: string } | undefined;
  private traceListSelfClosed = false;
  private messageHeaderEnd: { offset: number; prefix: string } | undefined;
  private finished = false;

  constructor() {
    const p = this.parser;
    p.on('doctype', () => {
      throw refuse('Gói tin có khai báo DOCTYPE: trục không nhận.', 'DOCTYPE in package');
    });
    p.on('error', (e) => {
      throw refuse('Gói tin không phải XML hợp lệ.', `XML error in package header: ${e.message}`);
    });
    p.on('xmldecl', (d) => {
      if (d.encoding !== undefined && !/^utf-?8$/i.test(d.encoding)) {
        throw refuse('Gói tin phải mã hóa UTF-8.', `package declares encoding ${d.encoding}`);
      }
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', (tag) => this.close(tag));
    p.on('text', (t) => this.text(t));
    p.on('cdata', (t) => this.text(t));
  }

  get done(): boolean {
    return this.finished;
  }

  write(chunk: Uint8Array): void {
    if (this.finished) return;
    let s: string;
    try {
      s = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw refuse('Gói tin không mã hóa UTF-8 hợp lệ.', 'invalid UTF-8 in package header');
    }
    if (s === '') return;
    this.window.push(s);
    this.windowChars += s.length;
    while (this.window.length > 1 && this.windowChars - (this.window[0] ?? '').length >= WINDOW_CHARS) {
      const first = this.window.shift() ?? '';
      this.windowChars -= first.length;
      this.windowStartPos += first.length;
      this.windowStartByte += Buffer.byteLength(first, 'utf8');
    }
    this.fedChars += s.length;
    this.parser.write(s);
    if (!this.finished && this.fedChars > MAX_HEADER_CHARS) {
      throw refuse('Phần đầu gói tin quá lớn.', `package header exceeds ${MAX_HEADER_CHARS} characters`);
    }
  }

  // Called when the whole body has been received.
  result(): PackageHeader {
    if (!this.finished) throw refuse('Gói tin thiếu phần đầu (edXMLHeader) hoặc bị cắt cụt.', 'no complete edXMLHeader in package');
    const one = (f: Field): string => (this.values.get(f) ?? [])[0]?.trim() ?? '';
    const all = (f: Field): string[] => [...new Set((this.values.get(f) ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
    const codeNumber = one('codeNumber');
    const codeNotation = one('codeNotation');
    const statusCode = one('statusCode');
    let trace: TraceInsertion | null = null;
    if (this.traceListEnd) trace = { offset: this.traceListEnd.offset, prefix: this.traceListEnd.prefix, wrapList: false };
    else if (this.messageHeaderEnd && !this.traceListSelfClosed && statusCode === '') {
      trace = { offset: this.messageHeaderEnd.offset, prefix: this.messageHeaderEnd.prefix, wrapList: true };
    }
    return {
      fromOrganId: one('from'),
      toOrganIds: all('to'),
      responseForOrganIds: all('responseFor'),
      title: statusCode !== '' ? statusCode : one('subject'),
      notation: statusCode !== '' ? one('responseForCode') : codeNumber && codeNotation ? `${codeNumber}/${codeNotation}` : codeNumber + codeNotation,
      trace,
    };
  }

  private open(tag: SaxesTagNS): void {
    this.stack.push(tag.local);
    const depth = this.stack.length - 1;
    if (this.headerDepth < 0 && tag.local === 'edXMLHeader') this.headerDepth = depth;
    else if (this.headerDepth >= 0 && depth === this.headerDepth + 1 && !this.messageHeaderSeen && (tag.local === 'MessageHeader' || tag.local === 'Status')) {
      this.messageHeaderDepth = depth;
      this.messageHeaderSeen = true;
    } else if (this.messageHeaderDepth >= 0 && this.capture === undefined) {
      const field = fieldAt(this.stack.slice(this.messageHeaderDepth + 1));
      if (field) this.capture = { field, text: '' };
    }
  }

  private close(tag: SaxesTagNS): void {
    const depth = this.stack.length - 1;
    if (this.capture && fieldAt(this.stack.slice(this.messageHeaderDepth + 1)) === this.capture.field) {
      const list = this.values.get(this.capture.field) ?? [];
      list.push(this.capture.text);
      this.values.set(this.capture.field, list);
      this.capture = undefined;
    }
    if (depth === this.messageHeaderDepth) {
      this.messageHeaderEnd = { offset: this.byteOffsetAt(this.parser.position), prefix: tag.prefix };
      this.messageHeaderDepth = -1;
    } else if (this.headerDepth >= 0 && depth === this.headerDepth + 1 && tag.local === 'TraceHeaderList') {
      if (tag.isSelfClosing) this.traceListSelfClosed = true;
      else this.traceListEnd = { offset: this.closeTagStart(), prefix: tag.prefix };
    } else if (depth === this.headerDepth) {
      this.finished = true;
    }
    this.stack.pop();
  }

  private text(t: string): void {
    if (this.capture && this.capture.text.length + t.length <= MAX_FIELD_CHARS) this.capture.text += t;
  }

  // The parser has just consumed the '>' of a closing tag; its '<' is the last '</' before.
  private closeTagStart(): number {
    const text = this.window.join('');
    const rel = this.parser.position - this.windowStartPos;
    const lt = text.lastIndexOf('</', rel - 1);
    if (lt < 0) throw refuse('Thẻ đóng TraceHeaderList quá dài.', 'closing tag of TraceHeaderList not found in window');
    return this.windowStartByte + Buffer.byteLength(text.slice(0, lt), 'utf8');
  }

  private byteOffsetAt(position: number): number {
    const text = this.window.join('');
    return this.windowStartByte + Buffer.byteLength(text.slice(0, position - this.windowStartPos), 'utf8');
  }
}
