import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyOptions, CopyRecord, SecretIncomingRecord } from '../../src/shared/api/schemas/copies.ts';
import { vanthu } from '../support/cli.ts';
import { createNssDb, pdfsigReport } from '../support/nss.ts';
import { pageCount, pdfText, scanImages } from '../support/scans.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

// `vanthu copy …` and `vanthu secret …` as a clerk runs them: the same rules as the app, the
// same refusals with exit 2 for bad input and 1 for a refusal of the law.
describe('vanthu copy and vanthu secret', () => {
  let hsm: SoftHsm;
  let pki: TestPki;
  let dir: string;
  let profile: string;
  let cleanup = () => {};

  beforeAll(async () => {
    const t = tempDir();
    dir = t.dir;
    profile = join(dir, 'profile');
    pki = await createTestPki();
    hsm = await createSoftHsm(pki, { labels: ['CO-QUAN'] });
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(SAMPLE_AGENCY));
    expect(vanthu(['init', '--profile', profile, '--agency', join(dir, 'agency.json')]).status).toBe(0);
    cleanup = () => {
      hsm.cleanup();
      t.cleanup();
    };
  }, 120_000);
  afterAll(() => cleanup());

  const run = (args: string[], input?: string) => vanthu([...args, '--profile', profile, '--json'], { env: hsm.env, ...(input !== undefined ? { input } : {}) });

  it('digitises page images, makes a signed SAO Y of them, refuses one of an electronic file, prints a paper copy and queues the electronic one', async () => {
    writeFileSync(join(dir, 'out.json'), JSON.stringify({ documentType: 'Công văn', unitAbbreviation: 'VP', subject: 'V/v họp dân', signerName: 'Nguyễn Văn An' }));
    const doc = run(['outgoing', 'add', join(dir, 'out.json')]).json<{ id: number }>();
    const pages = await scanImages(dir, 'cli', { dpi: 200, format: 'jpeg' });
    const digitised = run(['copy', 'digitise', '--id', String(doc.id), '--paper', 'original', ...pages]);
    expect(digitised.status, digitised.stderr).toBe(0);
    const scan = digitised.json<{ file: { sha256: string } }>().file.sha256;
    const low = await scanImages(dir, 'clilow', { dpi: 100, format: 'png' });
    const refusedScan = run(['copy', 'digitise', '--id', String(doc.id), '--paper', 'original', ...low]);
    expect(refusedScan.status).toBe(2);
    expect(refusedScan.stderr).toMatch(/độ phân giải 100 dpi, thấp hơn 200 dpi/);

    const options = run(['copy', 'options', '--id', String(doc.id)]).json<CopyOptions>();
    expect(options.files.map((f) => f.digitised)).toEqual(['original']);

    const tokenArgs = ['--module', hsm.modulePath, '--token', 'CO-QUAN', '--cert', CERT_IDS.rsa, '--pin-stdin'];
    const out = join(dir, 'cli-sao-y.pdf');
    const made = run(['copy', 'make', '--id', String(doc.id), '--file', scan, '--kind', 'sao-y', '--form', 'electronic', '--out', out, ...tokenArgs], `${hsm.tokens[0]!.pin}\n`);
    expect(made.status, made.stderr).toBe(0);
    const copy = made.json<CopyRecord>();
    expect(copy.numberNotation).toBe('01/SY-UBND');
    expect(pdfsigReport(createNssDb(join(dir, 'nss-cli'), pki.root), out).map((s) => s.valid)).toEqual([true]);
    expect(pdfText(out, { first: 1, last: 1 }).replace(/\s+/g, ' ')).toMatch(/SAO Y; Ủy ban nhân dân xã Hòa Tiến; \d{2}\/\d{2}\/\d{4}; \d{2}:\d{2}:\d{2}/);

    // Sao lục needs a sao y: this digitisation is of an original, so the law refuses it (exit 1).
    const refused = run(['copy', 'make', '--id', String(doc.id), '--file', scan, '--kind', 'sao-luc', '--form', 'electronic', ...tokenArgs], `${hsm.tokens[0]!.pin}\n`);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/bản sao y giấy/);

    const paperOut = join(dir, 'cli-giay.pdf');
    const paper = run([
      'copy',
      'make',
      '--id',
      String(doc.id),
      '--file',
      scan,
      '--kind',
      'sao-y',
      '--form',
      'paper',
      '--signer-position',
      'Chủ tịch',
      '--signer-name',
      'Nguyễn Văn An',
      '--signer-competence',
      'TM. Ủy ban nhân dân',
      '--recipient',
      'Ban Chỉ huy quân sự xã',
      '--out',
      paperOut,
    ]);
    expect(paper.status, paper.stderr).toBe(0);
    expect(paper.json<CopyRecord>().numberNotation).toBe('02/SY-UBND');
    expect(pageCount(paperOut)).toBe(2);
    expect(pdfText(paperOut, { first: 2, last: 2 })).toContain('Số: 02/SY-UBND');

    const sent = run(['copy', 'send', '--copy', String(copy.id), '--to', '000.00.12.H17 Sở Y tế thành phố Đà Nẵng']);
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.json<CopyRecord>().queued).toEqual([{ name: 'Sở Y tế thành phố Đà Nẵng', organId: '000.00.12.H17', status: 'pending' }]);
    const paperSend = run(['copy', 'send', '--copy', String(paper.json<CopyRecord>().id), '--to', '000.00.12.H17 Sở Y tế']);
    expect(paperSend.status).toBe(1);
  }, 120_000);

  it('registers a secret incoming document only on a cleared machine with a secret incoming series', () => {
    const file = join(dir, 'secret.json');
    writeFileSync(
      file,
      JSON.stringify({ secrecy: 'toi-mat', issuingAgency: 'Bộ Chỉ huy quân sự thành phố', codeNumber: '5', codeNotation: 'BCH-TM', documentDate: '2026-01-02', documentType: 'Kế hoạch', subject: 'Kế hoạch Omega' }),
    );
    const uncleared = run(['secret', 'add', file]);
    expect(uncleared.status).toBe(1);
    expect(uncleared.stderr).toMatch(/chưa được cơ quan cho phép lưu văn bản mật/);
    expect(run(['issue', 'settings', '--allow-secret', 'yes']).status).toBe(0);
    expect(run(['series', 'add', '--name', 'Sổ mật đến', '--direction', 'incoming', '--secret']).status).toBe(0);
    const added = run(['secret', 'add', file]);
    expect(added.status, added.stderr).toBe(0);
    expect(added.json<SecretIncomingRecord>()).toMatchObject({ number: 1, secrecy: 'toi-mat', seriesName: 'Sổ mật đến' });
    expect(run(['secret', 'list']).json<SecretIncomingRecord[]>().map((d) => d.subject)).toEqual(['Kế hoạch Omega']);
    const search = vanthu(['search', '--profile', profile, 'Omega', '--json']);
    expect(search.status).toBe(0);
    expect(search.json<{ results: Array<{ total: number }> }>().results.map((r) => r.total)).toEqual([0, 0]);
  });
});
