import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { buildDocumentPackage } from '../../src/main/sync/document-package.ts';
import { bridgeCall, bridgeEnvelope, type TestBridge } from '../support/bridge.ts';
import { incoming, outgoing } from '../support/documents.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { createNssDb, pdfsigReport } from '../support/nss.ts';
import { base64Of, pageCount, pdfImages, pdfText, scanImages, scannedPdf } from '../support/scans.ts';
import { type SigningBridge, startSigningBridge } from '../support/signing-bridge.ts';
import type { TestPki } from '../support/test-pki.ts';

const AGENCY = 'Ủy ban nhân dân xã Hòa Tiến';
const LINE = (label: string) => new RegExp(`${label}; ${AGENCY}; \\d{2}/\\d{2}/\\d{4}; \\d{2}:\\d{2}:\\d{2}`);

function qpdfCheck(path: string): string {
  return execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
}

// Copies and digitising through the API contract (docs/copies.md), with the real services,
// SQLite, a SoftHSM agency token, and the produced PDFs checked by poppler and qpdf.
describe('copies and digitising through the API contract', () => {
  let env: SigningBridge;
  let bridge: TestBridge;
  let pki: TestPki;
  let dir: string;
  const saveTo = (name: string, base64: string): string => {
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(base64, 'base64'));
    return path;
  };
  const read = async (documentId: number, sha256: string, name: string) => saveTo(name, (await bridgeCall(bridge, 'documents.readAttachment', { documentId, sha256 })).dataBase64);

  beforeAll(async () => {
    env = await startSigningBridge();
    ({ bridge, pki, dir } = env);
  }, 120_000);
  afterAll(() => env.cleanup());

  it('digitises page images into a colour PDF at their real resolution, and refuses a scan below 200 dpi or in grey, keeping nothing', async () => {
    const doc = await bridgeCall(bridge, 'outgoing.register', outgoing({ subject: 'Về việc họp dân (bản giấy đã ký)' }));
    const pages = await scanImages(dir, 'ok', { dpi: 200, format: 'png', pages: 2 });
    const made = await bridgeCall(bridge, 'copies.digitise', {
      documentId: doc.id,
      paperKind: 'original',
      images: pages.map((p, i) => ({ name: `trang-${i + 1}.png`, dataBase64: base64Of(p) })),
    });
    expect(made.verdict).toMatchObject({ ok: true, minDpi: 200, colour: true, problemsVi: [] });
    const pdf = await read(doc.id, made.file.sha256, 'digitised.pdf');
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
    expect(/^%PDF-1\.(\d)/.exec(execFileSync('head', ['-c', '8', pdf], { encoding: 'latin1' }))?.[1]).toMatch(/[4-9]/);
    // Independently of our reader: poppler sees two colour images at 200 ppi.
    expect(pdfImages(pdf).map((i) => [i.page, i.color, Math.round(i.xPpi), Math.round(i.yPpi)])).toEqual([
      [1, 'rgb', 200, 200],
      [2, 'rgb', 200, 200],
    ]);

    const before = (await bridgeCall(bridge, 'documents.get', { id: doc.id })).attachments.length;
    const low = await scanImages(dir, 'low', { dpi: 150, format: 'jpeg' });
    const refusedLow = await bridgeEnvelope(bridge, 'copies.digitise', { documentId: doc.id, paperKind: 'original', images: [{ name: 'thap.jpg', dataBase64: base64Of(low[0]!) }] });
    expect(refusedLow.ok ? null : refusedLow.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Trang 1: độ phân giải 150 dpi, thấp hơn 200 dpi/) });
    const grey = await scanImages(dir, 'grey', { dpi: 300, format: 'png', gray: true });
    const refusedGrey = await bridgeEnvelope(bridge, 'copies.digitise', { documentId: doc.id, paperKind: 'original', images: [{ name: 'xam.png', dataBase64: base64Of(grey[0]!) }] });
    expect(refusedGrey.ok ? null : refusedGrey.error.message).toMatch(/ảnh đen trắng hoặc xám; văn bản số hóa phải là ảnh màu/);
    const old = await scannedPdf(dir, 'old', { dpi: 300, version: '1.3' });
    const refusedOld = await bridgeEnvelope(bridge, 'copies.digitise', { documentId: doc.id, paperKind: 'original', pdf: { name: 'cu.pdf', dataBase64: base64Of(old) } });
    expect(refusedOld.ok ? null : refusedOld.error.message).toMatch(/PDF phiên bản 1\.3; văn bản số hóa phải là PDF phiên bản 1\.4 trở lên/);
    const typed = await draftPdf(join(dir, 'typed.pdf'));
    const refusedTyped = await bridgeEnvelope(bridge, 'copies.digitise', { documentId: doc.id, paperKind: 'original', pdf: { name: 'soan.pdf', dataBase64: base64Of(typed) } });
    expect(refusedTyped.ok ? null : refusedTyped.error.message).toMatch(/Trang 1 không có ảnh quét/);
    expect((await bridgeCall(bridge, 'documents.get', { id: doc.id })).attachments).toHaveLength(before);
  });

  it('offers an electronic SAO Y only of a digitised paper original, signs it with the agency key, numbers it in the copies series and sends it', async () => {
    const doc = await bridgeCall(bridge, 'outgoing.register', outgoing({ subject: 'Về việc tiêm chủng (ký giấy)' }));
    const scan = await scannedPdf(dir, 'letter', { dpi: 300 });
    const made = await bridgeCall(bridge, 'copies.digitise', { documentId: doc.id, paperKind: 'original', pdf: { name: 'cong-van-giay.pdf', dataBase64: base64Of(scan) } });
    const typed = await draftPdf(join(dir, 'electronic.pdf'));
    const electronic = await bridgeCall(bridge, 'documents.addAttachment', { documentId: doc.id, name: 'ban-dien-tu.pdf', dataBase64: base64Of(typed) });

    const options = await bridgeCall(bridge, 'copies.options', { documentId: doc.id });
    const of = (sha: string, kind: string, form: string) => options.files.find((f) => f.sha256 === sha)?.options.find((o) => o.kind === kind && o.form === form)?.answer;
    expect(of(made.file.sha256, 'sao-y', 'electronic')).toEqual({ allowed: true, basis: 'Điều 25.1.c (sao y từ văn bản giấy sang văn bản điện tử) và Điều 33.2' });
    expect(of(electronic.sha256, 'sao-y', 'electronic')).toMatchObject({ allowed: false, reasonVi: expect.stringMatching(/Điều 25\.1 không có sao y từ văn bản điện tử sang văn bản điện tử/) });
    expect(of(electronic.sha256, 'sao-y', 'paper')).toMatchObject({ allowed: true });

    // The handler enforces what the options say, and the old path through signing.sign is closed.
    const refused = await bridgeEnvelope(bridge, 'copies.makeElectronic', { documentId: doc.id, sourceSha256: electronic.sha256, kind: 'sao-y', ...env.token(1) });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Điều 33\.2/) });
    const oldPath = await bridgeEnvelope(bridge, 'signing.sign', { kind: 'copy', items: [{ documentId: doc.id, sha256: electronic.sha256 }], ...env.token(1) });
    expect(oldPath.ok ? null : oldPath.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Sao văn bản/) });

    const copy = await bridgeCall(bridge, 'copies.makeElectronic', { documentId: doc.id, sourceSha256: made.file.sha256, kind: 'sao-y', ...env.token(1) });
    expect(copy).toMatchObject({ kind: 'sao-y', form: 'electronic', numberNotation: '01/SY-UBND', sourceDocumentId: doc.id, status: 'active', queued: [] });
    const copyDoc = await bridgeCall(bridge, 'documents.get', { id: copy.copyDocumentId });
    expect(copyDoc).toMatchObject({ seriesName: 'Sổ bản sao văn bản', documentTypeName: 'Bản sao y', signerName: AGENCY });
    expect(copyDoc.subject).toMatch(/^Sao y Quyết định số \d+\/QĐ-UBND ngày .* Về việc tiêm chủng/);

    const signed = await read(copy.copyDocumentId, copy.file.sha256, 'sao-y.pdf');
    expect(qpdfCheck(signed)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfsigReport(createNssDb(join(dir, 'nss-copy'), pki.root), signed).map((s) => s.valid)).toEqual([true]);
    // The line at the top right of page 1: the form, the agency, the date and time; no image.
    const top = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-x', '200', '-y', '0', '-W', '395', '-H', '120', signed, '-'], { encoding: 'utf8' });
    expect(top.replace(/\s+/g, ' ')).toMatch(LINE('SAO Y'));
    expect(pdfImages(signed).length).toBe(pdfImages(scan).length);

    const again = await bridgeCall(bridge, 'copies.options', { documentId: doc.id });
    expect(again.copies.map((c) => c.numberNotation)).toEqual(['01/SY-UBND']);

    const paperRecipients = [{ name: 'Sở Y tế thành phố Đà Nẵng', organId: '000.00.12.H17' }];
    const sent = await bridgeCall(bridge, 'copies.distribute', { copyId: copy.id, recipients: paperRecipients });
    expect(sent.queued).toEqual([{ name: 'Sở Y tế thành phố Đà Nẵng', organId: '000.00.12.H17', status: 'pending' }]);
    const twice = await bridgeEnvelope(bridge, 'copies.distribute', { copyId: copy.id, recipients: paperRecipients });
    expect(twice.ok ? null : twice.error.code).toBe('CONFLICT');

    // The package the sync would send carries the signed copy as its one file.
    const profile = openProfile(bridge.profileDir);
    try {
      const built = await buildDocumentPackage(profile, copy.copyDocumentId, join(dir, 'copy.edxml'));
      expect(built.recipients).toEqual(['000.00.12.H17']);
      expect(built.documentId).toMatch(/,\d{4}\/\d{2}\/\d{2},01\/SY-UBND$/);
      const actions = profile.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'copy.%' OR action = 'document.digitise' ORDER BY seq").pluck().all();
      expect(actions).toEqual(expect.arrayContaining(['document.digitise', 'copy.make', 'copy.distribute']));
    } finally {
      profile.close();
    }
  }, 120_000);

  it('prints a paper SAO Y of an electronic document with the Mẫu 3.1 block on a page of its own, never queued for the hub', async () => {
    const doc = await bridgeCall(bridge, 'incoming.register', incoming({ subject: 'Về việc phòng chống bão' }));
    const file = await bridgeCall(bridge, 'documents.addAttachment', { documentId: doc.id, name: 'cong-van-den.pdf', dataBase64: base64Of(await draftPdf(join(dir, 'in.pdf'), { pages: 2 })) });
    const copy = await bridgeCall(bridge, 'copies.makePaper', {
      documentId: doc.id,
      sourceSha256: file.sha256,
      kind: 'sao-y',
      signerCompetence: 'TL. Chủ tịch',
      signerPosition: 'Chánh Văn phòng',
      signerName: 'Trần Thị Bình',
      recipients: ['Trạm Y tế xã', 'Công an xã'],
    });
    expect(copy).toMatchObject({ form: 'paper', numberNotation: '02/SY-UBND', basis: 'Điều 25.1.b (sao y từ văn bản điện tử sang văn bản giấy)' });
    const pdf = await read(copy.copyDocumentId, copy.file.sha256, 'sao-y-giay.pdf');
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
    expect(pageCount(pdf)).toBe(3);
    const block = pdfText(pdf, { first: 3, last: 3 });
    for (const text of ['ỦY BAN NHÂN DÂN XÃ HÒA TIẾN', 'SAO Y', 'Số: 02/SY-UBND', 'Xã Hòa Tiến, ngày', 'TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Trần Thị Bình', 'Nơi nhận:', '- Trạm Y tế xã;', '- Công an xã;', '- Lưu: VT.']) {
      expect(block).toContain(text);
    }
    const copyDoc = await bridgeCall(bridge, 'documents.get', { id: copy.copyDocumentId });
    expect(copyDoc.recipientsText).toBe('- Trạm Y tế xã;\n- Công an xã;\n- Lưu: VT.');
    const queued = await bridgeEnvelope(bridge, 'copies.distribute', { copyId: copy.id, recipients: [{ name: 'Sở Y tế', organId: '000.00.12.H17' }] });
    expect(queued.ok ? null : queued.error.code).toBe('FORBIDDEN');
  }, 60_000);

  it('makes an electronic TRÍCH SAO from an electronic document (Art. 25.3) and an electronic SAO LỤC only from a digitised paper sao y', async () => {
    const doc = await bridgeCall(bridge, 'incoming.register', incoming({ subject: 'Về việc kế hoạch năm', codeNumber: '77' }));
    const file = await bridgeCall(bridge, 'documents.addAttachment', { documentId: doc.id, name: 'ke-hoach.pdf', dataBase64: base64Of(await draftPdf(join(dir, 'kh.pdf'))) });
    const noExcerpt = await bridgeEnvelope(bridge, 'copies.makeElectronic', { documentId: doc.id, sourceSha256: file.sha256, kind: 'trich-sao', ...env.token(1) });
    expect(noExcerpt.ok ? null : noExcerpt.error.message).toMatch(/Điều 25\.3\.b/);
    const excerpt = await draftPdf(join(dir, 'trich.pdf'));
    const trich = await bridgeCall(bridge, 'copies.makeElectronic', {
      documentId: doc.id,
      sourceSha256: file.sha256,
      kind: 'trich-sao',
      excerpt: { name: 'trich.pdf', dataBase64: base64Of(excerpt) },
      ...env.token(1),
    });
    expect(trich.numberNotation).toBe('03/TrS-UBND');
    const trichPdf = await read(trich.copyDocumentId, trich.file.sha256, 'trich-sao.pdf');
    expect(pdfText(trichPdf, { first: 1, last: 1 }).replace(/\s+/g, ' ')).toMatch(LINE('TRÍCH SAO'));

    const saoLucFromElectronic = await bridgeEnvelope(bridge, 'copies.makeElectronic', { documentId: doc.id, sourceSha256: file.sha256, kind: 'sao-luc', ...env.token(1) });
    expect(saoLucFromElectronic.ok ? null : saoLucFromElectronic.error.code).toBe('FORBIDDEN');
    const paperSaoY = await bridgeCall(bridge, 'copies.digitise', {
      documentId: doc.id,
      paperKind: 'certified-copy',
      pdf: { name: 'ban-sao-y-giay.pdf', dataBase64: base64Of(await scannedPdf(dir, 'saoy', { dpi: 240 })) },
    });
    const saoLuc = await bridgeCall(bridge, 'copies.makeElectronic', { documentId: doc.id, sourceSha256: paperSaoY.file.sha256, kind: 'sao-luc', ...env.token(1) });
    expect(saoLuc).toMatchObject({ numberNotation: '04/SL-UBND', basis: 'Điều 25.2 (sao lục từ văn bản giấy sang văn bản điện tử) và Điều 33.2' });
    const lucPdf = await read(saoLuc.copyDocumentId, saoLuc.file.sha256, 'sao-luc.pdf');
    expect(pdfsigReport(createNssDb(join(dir, 'nss-luc'), pki.root), lucPdf).map((s) => s.valid)).toEqual([true]);
    expect(pdfText(lucPdf, { first: 1, last: 1 }).replace(/\s+/g, ' ')).toMatch(LINE('SAO LỤC'));
  }, 120_000);

  it('keeps a secret incoming paper document in its own register, out of the ordinary lists and search', async () => {
    const input = {
      secrecy: 'mat' as const,
      issuingAgency: 'Công an thành phố Đà Nẵng',
      codeNumber: '12',
      codeNotation: 'CATP-PV01',
      documentDate: (await bridgeCall(bridge, 'app.info', {})).today,
      documentType: 'Công văn',
      subject: 'Phương án bảo vệ mục tiêu Zeta',
    };
    const uncleared = await bridgeEnvelope(bridge, 'secretIncoming.register', input);
    expect(uncleared.ok ? null : uncleared.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/chưa được cơ quan cho phép lưu văn bản mật/) });
    await bridgeCall(bridge, 'issuance.saveSettings', { allowSecretDrafts: true });
    const noSeries = await bridgeEnvelope(bridge, 'secretIncoming.register', input);
    expect(noSeries.ok ? null : noSeries.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/sổ văn bản mật đến riêng/) });
    await bridgeCall(bridge, 'series.save', { name: 'Sổ văn bản mật đến', direction: 'incoming', secret: true });
    const second = await bridgeEnvelope(bridge, 'series.save', { name: 'Sổ mật đến 2', direction: 'incoming', secret: true });
    expect(second.ok ? null : second.error.message).toBe('Chỉ được có một sổ văn bản mật đến đang dùng.');

    const before = await bridgeCall(bridge, 'documents.list', { direction: 'incoming' });
    const secret = await bridgeCall(bridge, 'secretIncoming.register', input);
    expect(secret).toMatchObject({ seriesName: 'Sổ văn bản mật đến', number: 1, secrecy: 'mat' });
    expect(await bridgeCall(bridge, 'secretIncoming.list', {})).toEqual([secret]);
    // Absent from the ordinary register and its search, and ordinary registration goes on numbering
    // in the ordinary register.
    expect((await bridgeCall(bridge, 'documents.list', { direction: 'incoming' })).total).toBe(before.total);
    expect((await bridgeCall(bridge, 'documents.list', { direction: 'incoming', query: 'Zeta' })).total).toBe(0);
    const next = await bridgeCall(bridge, 'incoming.register', incoming({ codeNumber: '99' }));
    expect(next.seriesName).toBe('Sổ văn bản đến');
    const audit = await bridgeCall(bridge, 'audit.list', { limit: 50 });
    const entry = audit.find((e) => e.action === 'secret.incoming.register');
    expect(entry?.details).toEqual({ series: 'Sổ văn bản mật đến', year: secret.year, number: 1, secrecy: 'mat' });
    expect(JSON.stringify(audit)).not.toContain('Zeta');
  });
});
