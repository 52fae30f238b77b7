import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackage, type ReadOptions } from '../../src/main/edxml/read-package.ts';
import { expectRefused, NS } from '../support/edxml-fixtures.ts';
import { attachment, handMade, HEADER, PDF_B64, reference, TRACE, zipOf } from '../support/edxml-handmade.ts';

// Every hostile input of issue 5 §1, each as its own hand-made file: refused with
// EDXML_REFUSED, a stable reason and a Vietnamese message, and nothing left in the output folder
// (also when earlier attachments had already been stored).
let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edxml-hostile-'));
  out = join(dir, 'out');
  mkdirSync(out);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function refuses(content: string | Buffer, reason: string, options: Partial<ReadOptions> = {}): Promise<void> {
  const file = join(dir, 'hostile.edxml');
  writeFileSync(file, content);
  await expectRefused(() => readPackage(file, { outputDir: out, ...options }), reason, out);
}

const second = (name: string, b64 = PDF_B64) => attachment('cid:2', name, b64);
const good = attachment('cid:1', 'cong-van.pdf', PDF_B64);
const twoRefs = reference('cid:1', 'cong-van.pdf') + reference('cid:2', 'phu-luc.pdf');

describe('DOCTYPE and entities', () => {
  it('refuses an internal subset with entity expansion (billion laughs)', async () => {
    const lol = '<!DOCTYPE edXML [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n';
    await refuses(handMade({ prolog: lol, header: HEADER.replace('V/v tổng hợp số liệu', '&lol3;') }), 'DOCTYPE');
  });

  it('refuses an external entity (XXE)', async () => {
    await refuses(handMade({ prolog: '<!DOCTYPE edXML [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n', header: HEADER.replace('V/v tổng hợp số liệu', '&xxe;') }), 'DOCTYPE');
  });

  it('refuses a bare DOCTYPE with an external DTD', async () => {
    await refuses(handMade({ prolog: '<!DOCTYPE edXML SYSTEM "http://attacker.example/edxml.dtd">\n' }), 'DOCTYPE');
  });

  it('refuses a reference to an undeclared entity', async () => {
    await refuses(handMade({ header: HEADER.replace('V/v tổng hợp số liệu', 'x &xxe; y') }), 'NOT_XML');
  });
});

describe('oversized input', () => {
  it('refuses a header text element past 64 KiB', async () => {
    await refuses(handMade({ header: HEADER.replace('V/v tổng hợp số liệu', 'a'.repeat(70_000)) }), 'OVERSIZED');
  });

  it('refuses a tag past 64 KiB (a huge attribute)', async () => {
    await refuses(handMade({ root: `<edXML xmlns="${NS}" junk="${'x'.repeat(100_000)}">` }), 'OVERSIZED');
  });

  it('refuses a comment past 64 KiB', async () => {
    await refuses(handMade({ header: `<!--${'c'.repeat(100_000)}-->${HEADER}` }), 'OVERSIZED');
  });

  it('refuses nesting deeper than the limit', async () => {
    const deep = `${'<edXML:X>'.repeat(40)}${'</edXML:X>'.repeat(40)}`;
    await refuses(handMade({ header: HEADER.replace('<edXML:SteeringType>', `${deep}<edXML:SteeringType>`) }), 'OVERSIZED');
  });

  it('refuses an attachment past the configured maximum, removing what was written', async () => {
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.pdf', randomBytes(3000).toString('base64')) }), 'OVERSIZED', { maxAttachmentBytes: 2000 });
  });
});

describe('bad base64', () => {
  it('refuses a character outside the alphabet', async () => {
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.pdf', `${PDF_B64.slice(0, 8)}$${PDF_B64.slice(8)}`) }), 'BAD_BASE64');
  });

  it('refuses data after the padding, in a second attachment after the first was stored', async () => {
    await refuses(handMade({ manifest: twoRefs, attachments: good + second('phu-luc.pdf', 'QQ==QUJD') }), 'BAD_BASE64');
  });

  it('refuses a length no encoder produces', async () => {
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.pdf', 'QUJDR') }), 'BAD_BASE64');
  });
});

describe('unsafe attachment names', () => {
  it.each([
    ['a parent-directory path', '../../.bashrc'],
    ['a path separator', 'thu-muc/cong-van.pdf'],
    ['a backslash path', '..\\..\\Windows\\win.ini'],
    ['a drive letter', 'C:cong-van.pdf'],
    ['an absolute Windows path', 'C:\\Users\\Public\\x.pdf'],
    ['a control character', 'cong\u0001van.pdf'],
    ['a tab', 'cong\tvan.pdf'],
    ['a reserved device name', 'CON'],
    ['a reserved device name with an extension', 'aux.pdf'],
    ['a reserved COM port', 'com7.docx'],
    ['a reserved LPT port', 'LPT1.txt'],
    ['a trailing dot', 'cong-van.pdf.'],
    ['a trailing space', 'cong-van.pdf '],
  ])('refuses %s in AttachmentName', async (_what, name) => {
    await refuses(handMade({ manifest: twoRefs, attachments: good + second(name) }), 'UNSAFE_NAME');
  });

  it('refuses an unsafe name that only the manifest carries', async () => {
    await refuses(handMade({ manifest: reference('cid:1', 'NUL.pdf'), attachments: attachment('cid:1', '', PDF_B64) }), 'UNSAFE_NAME');
  });
});

describe('attachments that do not add up', () => {
  it('refuses a manifest reference without an attachment', async () => {
    await refuses(handMade({ manifest: twoRefs, attachments: good }), 'MISSING_ATTACHMENT');
  });

  it('refuses an Attachment without content', async () => {
    await refuses(handMade({ attachments: '<Attachment><ContentId>cid:1</ContentId><AttachmentName>cong-van.pdf</AttachmentName></Attachment>' }), 'MISSING_ATTACHMENT');
  });

  it('refuses two attachments with the same ContentId', async () => {
    await refuses(handMade({ attachments: good + attachment('1', 'khac.pdf', PDF_B64) }), 'DUPLICATE_ATTACHMENT');
  });

  it('refuses more attachments than allowed', async () => {
    const three = [1, 2, 3].map((n) => attachment(`cid:${n}`, `tep-${n}.pdf`, PDF_B64)).join('');
    const refs = [1, 2, 3].map((n) => reference(`cid:${n}`, `tep-${n}.pdf`)).join('');
    await refuses(handMade({ manifest: refs, attachments: three }), 'TOO_MANY_ATTACHMENTS', { maxAttachments: 2 });
  });
});

describe('zip bombs and broken zips', () => {
  const zipped = async (entries: ReadonlyArray<readonly [string, Buffer]>) => (await zipOf(entries)).toString('base64');

  it('refuses a zip with more than one entry', async () => {
    const b64 = await zipped([['a.doc', randomBytes(100)], ['b.doc', randomBytes(100)]]);
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.pdf', b64, 'application/zip') }), 'ZIP_BOMB');
  });

  it('refuses an entry expanding more than 100:1', async () => {
    const b64 = await zipped([['zeros.doc', Buffer.alloc(8 * 1024 * 1024)]]);
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.pdf', b64, 'application/pdf') }), 'ZIP_BOMB');
  });

  it('refuses an entry expanding past the attachment maximum', async () => {
    // One bit of entropy per byte: the zip is well under the limit and the ratio, the entry is not.
    const bits = Buffer.from(Array.from(randomBytes(100_000), (b) => (b & 1 ? 0x61 : 0x62)));
    const b64 = await zipped([['bits.doc', bits]]);
    expect(Buffer.from(b64, 'base64').length).toBeLessThan(50_000);
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.doc', b64, 'application/zip') }), 'ZIP_BOMB', { maxAttachmentBytes: 50_000 });
  });

  it('refuses a zip whose directory understates what the entry inflates to', async () => {
    const zip = await zipOf([['zeros.doc', Buffer.alloc(4 * 1024 * 1024)]]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, central + 24);
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.doc', zip.toString('base64'), 'application/zip') }), 'BAD_ZIP');
  });

  it('refuses a file that starts like a zip but is not one', async () => {
    const b64 = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(500)]).toString('base64');
    await refuses(handMade({ attachments: attachment('cid:1', 'cong-van.pdf', b64) }), 'BAD_ZIP');
  });
});

describe('truncated and foreign files', () => {
  it('refuses a file cut inside the base64 of its second attachment', async () => {
    const text = handMade({ manifest: twoRefs, attachments: good + second('phu-luc.pdf', randomBytes(30_000).toString('base64')) });
    await refuses(text.slice(0, text.length - 20_000), 'TRUNCATED');
  });

  it('refuses a file cut inside the header', async () => {
    const text = handMade();
    await refuses(text.slice(0, text.indexOf('<edXML:Subject>')), 'TRUNCATED');
  });

  it('refuses an empty file', async () => {
    await refuses('', 'TRUNCATED');
  });

  it('refuses a root in another namespace', async () => {
    await refuses(handMade({ root: '<edXML xmlns="http://example.com/not-edxml">' }), 'WRONG_ROOT');
  });

  it('refuses a root element of another name', async () => {
    await refuses(`<?xml version="1.0"?>\n<Envelope xmlns="${NS}"><x/></Envelope>\n`, 'WRONG_ROOT');
  });

  it('refuses bytes that are not XML', async () => {
    await refuses(randomBytes(4096), 'NOT_XML');
  });

  it('refuses a second root element', async () => {
    await refuses(`${handMade()}<edXML xmlns="${NS}"></edXML>\n`, 'NOT_XML');
  });
});

describe('headers we cannot act on', () => {
  it('refuses an unknown business operation', async () => {
    await refuses(handMade({ trace: TRACE.replace('<edXML:BussinessDocType>0<', '<edXML:BussinessDocType>7<') }), 'BAD_HEADER');
  });

  it('refuses a status code that is not a number', async () => {
    const status = HEADER.replace('<edXML:SteeringType>1</edXML:SteeringType>', '<edXML:ResponseFor><edXML:OrganId>X</edXML:OrganId></edXML:ResponseFor><edXML:StatusCode>OK</edXML:StatusCode>');
    await refuses(handMade({ header: status }), 'BAD_HEADER');
  });

  it('refuses a package without a MessageHeader', async () => {
    await refuses(handMade({ header: '' }), 'BAD_HEADER');
  });
});

it('a missing file is FILE_MISSING, not a refusal, and leaves the folder empty', async () => {
  await expect(readPackage(join(dir, 'absent.edxml'), { outputDir: out })).rejects.toMatchObject({ code: 'FILE_MISSING' });
  expect(readdirSync(out)).toEqual([]);
});
