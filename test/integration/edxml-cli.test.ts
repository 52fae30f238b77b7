import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vanthu } from '../support/cli.ts';
import { SAMPLES } from '../support/edxml-fixtures.ts';
import { handMade } from '../support/edxml-handmade.ts';

// `vanthu edxml inspect FILE [--json]`, run as a user runs it. TMPDIR points at a folder of the
// test's own so that we can see the decoded attachments are deleted afterwards.
let dir: string;
let scratch: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edxml-cli-'));
  scratch = mkdtempSync(join(dir, 'tmp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const inspect = (...args: string[]) => vanthu(['edxml', 'inspect', ...args], { env: { TMPDIR: scratch } });

describe('vanthu edxml inspect', () => {
  it('shows a document package: header, business type, attachments with size and SHA-256', async () => {
    const r = inspect(join(SAMPLES, 'vnpt-edoc_update.edxml'), '--json');
    expect(r.status).toBe(0);
    const json = r.json();
    expect(json).toMatchObject({
      refused: false,
      kind: 'document',
      businessType: 'update',
      header: { documentId: '000.00.00.G22,2015/09/30,7816/VPCP-TTĐT', from: { organId: '000.00.00.G22' } },
      attachments: [
        {
          contentId: '209',
          name: '1896_QD-TTg_m_294779.doc',
          size: 388347,
          sha256: '8385739ec4a4ed36d71eabcaead629641ffc5ffff3d487ff5c34d2f821c9f36e',
          zipped: true,
        },
      ],
    });
    expect(JSON.stringify(json)).not.toContain('storedPath');
    const text = inspect(join(SAMPLES, 'vnpt-edoc_update.edxml')).stdout;
    expect(text).toContain('gói văn bản (cập nhật) từ 000.00.00.G22');
    expect(text).toContain('Tệp đính kèm: 1896_QD-TTg_m_294779.doc (388347 byte, đã giải nén) SHA-256 8385739e');
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('shows a status package', async () => {
    expect(inspect(join(SAMPLES, 'vnpt-status_rejection_02.edxml'), '--json').json()).toMatchObject({
      refused: false,
      kind: 'status',
      businessType: null,
      header: { statusCode: '02' },
    });
    expect(inspect(join(SAMPLES, 'vnpt-status_rejection_02.edxml')).stdout).toContain('gói trạng thái 02 từ 000.00.00.H41');
  });

  it('a refused package: the reason in Vietnamese, exit code 1, JSON all the same, nothing left behind', async () => {
    const file = join(dir, 'xxe.edxml');
    writeFileSync(file, handMade({ prolog: '<!DOCTYPE edXML [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n' }));
    const r = inspect(file, '--json');
    expect(r.status).toBe(1);
    expect(r.json()).toEqual({
      file,
      refused: true,
      reasons: [{ reason: 'DOCTYPE', message: expect.stringMatching(/^Gói tin edXML bị từ chối: .*DOCTYPE/), detail: 'DOCTYPE or ENTITY declaration' }],
    });
    expect(inspect(file).stdout).toMatch(/^xxe\.edxml: Gói tin edXML bị từ chối/);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('bad usage exits 2 with INVALID_INPUT; a missing file is FILE_MISSING', () => {
    const usage = inspect('--json');
    expect(usage.status).toBe(2);
    expect(JSON.parse(usage.stderr)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(vanthu(['edxml', 'unpack', 'x']).status).toBe(2);
    const missing = inspect(join(dir, 'absent.edxml'), '--json');
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stderr)).toMatchObject({ code: 'FILE_MISSING' });
  });
});
