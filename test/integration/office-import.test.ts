import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLibreOffice, officeToPdf } from '../../src/main/drafting/office-to-pdf.ts';
import { bridgeCall, bridgeEnvelope, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { tempDir } from '../support/temp-profile.ts';

// A draft made in Word or LibreOffice: converted by LibreOffice when it is installed, refused
// with what to do when it is not. The build machines do not install LibreOffice, so the
// conversion itself runs only where it is (the test says so when it skips).
const RTF = '{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs26 QUYET DINH ve viec thu nghiem\\par}';
const soffice = findLibreOffice();

describe('drafts from office documents', () => {
  let bridge: TestBridge;
  let cleanup = () => {};
  beforeAll(async () => {
    bridge = await startTestBridge();
    const t = tempDir();
    cleanup = t.cleanup;
  });
  afterAll(async () => {
    await bridge.cleanup();
    cleanup();
  });

  it('finds soffice on PATH and in the Windows install folder', () => {
    const t = tempDir();
    try {
      mkdirSync(join(t.dir, 'bin'));
      writeFileSync(join(t.dir, 'bin', 'soffice'), '');
      expect(findLibreOffice({ PATH: join(t.dir, 'bin') }, 'linux')).toBe(join(t.dir, 'bin', 'soffice'));
      mkdirSync(join(t.dir, 'LibreOffice', 'program'), { recursive: true });
      writeFileSync(join(t.dir, 'LibreOffice', 'program', 'soffice.exe'), '');
      expect(findLibreOffice({ Path: '', ProgramFiles: t.dir }, 'win32')).toBe(join(t.dir, 'LibreOffice', 'program', 'soffice.exe'));
      expect(findLibreOffice({ PATH: join(t.dir, 'nothing') }, 'linux')).toBeNull();
    } finally {
      t.cleanup();
    }
  });

  it('says clearly that LibreOffice is missing, and creates nothing', async () => {
    await expect(officeToPdf({ name: 'du-thao.rtf', data: Buffer.from(RTF) }, null)).rejects.toMatchObject({ code: 'INVALID_INPUT', messageVi: expect.stringMatching(/chưa cài LibreOffice/) });
    if (soffice) return;
    const answer = await bridgeEnvelope(bridge, 'issuance.create', {
      documentType: 'Quyết định',
      subject: 'Thử nhập tệp Word',
      signerName: 'Nguyễn Văn An',
      recipients: [{ name: 'Sở Nội vụ' }],
      main: { name: 'du-thao.docx', dataBase64: Buffer.from('PK\u0003\u0004').toString('base64') },
    });
    expect(answer.ok ? null : answer.error.message).toMatch(/chưa cài LibreOffice/);
    expect((await bridgeCall(bridge, 'issuance.list', { offset: 0, limit: 10 })).total).toBe(0);
  });

  it.skipIf(!soffice)('converts an RTF draft to PDF with LibreOffice', async () => {
    const pdf = await officeToPdf({ name: 'du-thao.rtf', data: Buffer.from(RTF) });
    expect(pdf.name).toBe('du-thao.pdf');
    expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe('%PDF-');
  });
  if (!soffice) console.warn('skipped: the RTF conversion needs LibreOffice (soffice), which is not installed on this machine');
});
