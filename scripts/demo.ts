// `npm run demo`: a headless end-to-end day of a commune clerk on the embedded demo agency, in a
// temporary folder, through the real `vanthu` command. It prints each command and what it did,
// and leaves the folder (registers, exported books, backup) for you to look at.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { vietnamToday, yearOf } from '../src/shared/domain/dates.ts';
import { draftPdf } from '../test/support/draft-pdf.ts';
import { appendPageContentRevision } from '../test/support/pdf-samples.ts';
import { CERT_IDS, createSoftHsm, SOFTHSM_MODULE } from '../test/support/softhsm.ts';
import { createTestPki } from '../test/support/test-pki.ts';
import { interchangeDemo } from './demo-interchange.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'vanthu-demo-'));
const profile = join(work, 'profile');
let step = 0;

function heading(title: string): void {
  step++;
  console.log(`\n${step}. ${title}`);
}

// Runs `vanthu …` as a clerk would type it; `expect` is the exit code this step should give.
function vanthu(args: string[], options: { input?: string; expect?: number; json?: boolean; env?: Record<string, string>; inputLabel?: string } = {}): Record<string, unknown> {
  const shown = args.map((a) => (a.startsWith(work) ? relative(work, a) || '.' : a)).map((a) => (/\s/.test(a) ? `"${a}"` : a));
  console.log(`   $ vanthu ${shown.join(' ')}${options.input ? ` < (${options.inputLabel ?? 'JSON'})` : ''}`);
  const full = options.json ? [...args, '--json'] : args;
  const r = spawnSync(process.execPath, [join(root, 'bin', 'vanthu.js'), ...full], {
    input: options.input,
    encoding: 'utf8',
    cwd: work,
    env: options.env ? { ...process.env, ...options.env } : process.env,
  });
  const expected = options.expect ?? 0;
  if (r.status !== expected) {
    console.error(r.stdout, r.stderr);
    throw new Error(`vanthu ${args.join(' ')} exited ${r.status}, expected ${expected}`);
  }
  const text = (expected === 0 ? r.stdout : r.stdout.trim() || r.stderr).trim();
  if (!options.json) for (const line of text.split('\n')) console.log(`     ${line}`);
  return options.json && expected === 0 ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
}

function daysAgo(n: number): string {
  return vietnamToday(new Date(Date.now() - n * 86_400_000));
}

async function samplePdf(path: string, lines: string[]): Promise<void> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 20, size: 13, font }));
  writeFileSync(path, await pdf.save());
}

async function main(): Promise<void> {
  console.log('VanThu Desktop — demo: một ngày làm việc của văn thư xã, chạy không cần mạng');
  console.log(`Thư mục làm việc: ${work}`);

  heading('Khởi tạo dữ liệu cơ quan (hồ sơ mặc định nhúng sẵn)');
  copyFileSync(join(root, 'resources', 'demo', 'agency.json'), join(work, 'agency.json'));
  vanthu(['init', '--profile', profile, '--agency', join(work, 'agency.json')]);

  heading('Vào sổ văn bản đến (số đến cấp tự động theo thứ tự đến, chỉ in ra sau khi đã ghi bền vững)');
  await samplePdf(join(work, 'qd-15.pdf'), ['UY BAN NHAN DAN TINH DONG NAI', 'So: 15/QD-UBND', 'QUYET DINH ve viec kien toan Ban chi dao']);
  const incoming = [
    { issuingAgency: 'Ủy ban nhân dân tỉnh Đồng Nai', codeNumber: '15', codeNotation: 'QĐ-UBND', documentDate: daysAgo(3), documentType: 'Quyết định', subject: 'Về việc kiện toàn Ban chỉ đạo chuyển đổi số', priority: 'Thường', files: ['qd-15.pdf'] },
    { issuingAgency: 'Sở Nội vụ', codeNumber: '210', codeNotation: 'SNV-VTLT', documentDate: daysAgo(2), documentType: 'Công văn', subject: 'V/v kiểm tra công tác văn thư, lưu trữ năm 2026', priority: 'Khẩn', dueDate: daysAgo(-5), recipientUnit: 'Văn phòng' },
    { issuingAgency: 'Ban Chỉ huy Phòng thủ dân sự tỉnh', codeNumber: '08', codeNotation: 'CĐ-BCH', documentDate: daysAgo(0), documentType: 'Công điện', subject: 'Về việc ứng phó bão số 12', priority: 'Hỏa tốc', dueDate: daysAgo(-1) },
  ];
  const ids: number[] = [];
  for (const doc of incoming) {
    writeFileSync(join(work, 'in.json'), JSON.stringify(doc, null, 2));
    const r = vanthu(['incoming', 'add', '--profile', profile, join(work, 'in.json')], { json: true });
    ids.push(r.id as number);
    console.log(`     → số đến ${String(r.arrivalNumber)}: ${doc.documentType} ${doc.codeNumber}/${doc.codeNotation} (${doc.priority})`);
  }

  heading('Phát hiện trùng: cùng số, ký hiệu và cơ quan ban hành (viết khác dấu, khác chữ hoa)');
  vanthu(['incoming', 'add', '--profile', profile, '-'], {
    input: JSON.stringify({ ...incoming[0], issuingAgency: 'UBND TINH DONG NAI', codeNotation: 'qđ-ubnd', files: [] }),
    expect: 2,
  });

  heading('Cấp số văn bản đi (liên tục theo năm, ký hiệu theo Nghị định 30, số < 10 có số 0 đứng trước)');
  const outgoing = [
    { documentType: 'Quyết định', subject: 'Về việc thành lập Tổ công tác chuyển đổi số', signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch', signerCompetence: 'TM. ỦY BAN NHÂN DÂN' },
    { documentType: 'Công văn', unitAbbreviation: 'VP', subject: 'V/v báo cáo công tác văn thư, lưu trữ', signerName: 'Trần Thị Bình', signerPosition: 'Phó Chủ tịch', recipientsText: '- Sở Nội vụ;\n- Lưu: VT, VP.' },
    { documentType: 'Tờ trình', subject: 'Về việc đề nghị phê duyệt kế hoạch', signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch' },
  ];
  const outIds: number[] = [];
  for (const doc of outgoing) {
    const r = vanthu(['outgoing', 'add', '--profile', profile, '-'], { input: JSON.stringify(doc), json: true });
    outIds.push(r.id as number);
    console.log(`     → Số: ${String(r.codeNumber)}/${String(r.codeNotation)}  ${doc.subject}`);
  }

  heading('Hủy một số đã cấp: số vẫn nằm trong sổ kèm lý do, không bao giờ cấp lại');
  vanthu(['document', 'void', '--profile', profile, '--id', String(outIds[1]), '--reason', 'Sai nơi nhận, ban hành văn bản khác thay thế']);
  const next = vanthu(['outgoing', 'add', '--profile', profile, '-'], { input: JSON.stringify(outgoing[1]), json: true });
  console.log(`     → văn bản tiếp theo nhận Số: ${String(next.codeNumber)}/${String(next.codeNotation)}`);

  heading('Theo dõi giải quyết: phân công, hạn xử lý; văn bản quá hạn và khẩn lên đầu');
  vanthu(['processing', 'update', '--profile', profile, '--id', String(ids[1]), '--unit', 'Văn phòng', '--person', 'Chị Lan']);
  vanthu(['processing', 'list', '--profile', profile]);

  heading('Tìm kiếm không dấu (kể cả đ → d)');
  vanthu(['search', '--profile', profile, 'dong nai']);
  vanthu(['search', '--profile', profile, 'van thu luu tru']);

  heading('In và xuất sổ (Phụ lục IV): PDF có trang bìa, XLSX, CSV');
  const year = yearOf(vietnamToday());
  for (const [kind, format] of [['incoming', 'pdf'], ['outgoing', 'pdf'], ['incoming', 'xlsx'], ['followup', 'csv']] as const) {
    vanthu(['register', 'export', '--profile', profile, '--kind', kind, '--year', String(year), '--format', format, '--out', join(work, `so-${kind}-${year}.${format}`)]);
  }

  heading('Nhập sổ cũ từ Excel/CSV: chạy thử báo dòng lỗi, không ghi gì; rồi nhập tệp đã sửa');
  copyFileSync(join(root, 'resources', 'demo', 'so-den-2025-co-loi.csv'), join(work, 'so-den-2025-co-loi.csv'));
  copyFileSync(join(root, 'resources', 'demo', 'so-den-2025.csv'), join(work, 'so-den-2025.csv'));
  vanthu(['import', '--profile', profile, '--kind', 'incoming', join(work, 'so-den-2025-co-loi.csv'), '--dry-run']);
  vanthu(['import', '--profile', profile, '--kind', 'incoming', join(work, 'so-den-2025-co-loi.csv')], { expect: 2 });
  vanthu(['import', '--profile', profile, '--kind', 'incoming', join(work, 'so-den-2025.csv')]);
  vanthu(['search', '--profile', profile, '--year', '2025', 'phong chay']);

  await signingDemo();

  heading('Sao lưu và khôi phục (tệp đính kèm đi kèm, kiểm tra toàn vẹn trước khi khôi phục)');
  vanthu(['backup', '--profile', profile, '--out', join(work, 'sao-luu.vtbak')]);
  vanthu(['restore', '--profile', join(work, 'khoi-phuc'), '--from', join(work, 'sao-luu.vtbak')]);
  vanthu(['search', '--profile', join(work, 'khoi-phuc'), 'bao so 12']);

  heading('Nhật ký chống sửa (chuỗi băm) và kiểm tra toàn bộ dữ liệu');
  vanthu(['audit', 'verify', '--profile', profile]);
  vanthu(['db', 'check', '--profile', profile]);

  console.log(`\nXong. Sổ đã xuất, bản sao lưu và dữ liệu nằm tại ${work}`);
  console.log('Done: every step ran offline against a real SQLite profile. Open the exported PDFs to see the register books.');
}

// Issue 4: a quyết định drafted in the Decree 30 layout and carried from draft to distribution,
// each step one command, with the tokens of the signing demo.
function issuanceDemo(env: Record<string, string>, pin: (i: number) => { input: string; inputLabel: string; env: Record<string, string> }, images: string): void {
  heading('Soạn thảo đúng thể thức (Nghị định 30) và phát hành: dự thảo → trình ký → ký duyệt → cấp số → phát hành → vào sổ → gửi');
  const example = join(root, 'resources', 'drafts', 'examples', 'quyet-dinh.json');
  vanthu(['draft', 'render', example, '--profile', profile, '--out', join(work, 'du-thao-quyet-dinh.pdf')]);
  vanthu(['signing', 'settings', '--profile', profile, '--signature-image', join(images, 'signature-placeholder.png'), '--seal-image', join(images, 'seal-placeholder.png')]);
  writeFileSync(
    join(work, 'phat-hanh.json'),
    JSON.stringify({ draft: JSON.parse(readFileSync(example, 'utf8')) as unknown, recipients: [{ name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' }, { name: 'Các thôn trên địa bàn xã' }], archive: 'VT, VP' }),
  );
  const created = vanthu(['issue', 'create', '--profile', profile, join(work, 'phat-hanh.json')], { json: true });
  const id = String(created.id);
  console.log(`     → dự thảo mã ${id}: ${String(created.documentTypeName)} — ${String(created.subject)}`);
  const token = (label: string) => ['--module', SOFTHSM_MODULE, '--token', label, '--cert', CERT_IDS.rsa, '--pin-stdin'];
  vanthu(['issue', 'submit', '--profile', profile, '--id', id]);
  vanthu(['issue', 'approve', '--profile', profile, '--id', id, ...token('LANH-DAO')], pin(0));
  vanthu(['issue', 'number', '--profile', profile, '--id', id]);
  vanthu(['issue', 'number', '--profile', profile, '--id', id], { env, expect: 2 });
  vanthu(['issue', 'issue', '--profile', profile, '--id', id, ...token('CO-QUAN')], pin(1));
  vanthu(['issue', 'register', '--profile', profile, '--id', id]);
  vanthu(['issue', 'distribute', '--profile', profile, '--id', id]);
}

// The signing workflow with a SoftHSM2 token standing in for the USB tokens, and a demo CA made
// on the spot (a real clerk's token comes from a licensed CA with its certificate on it).
async function signingDemo(): Promise<void> {
  heading('Ký số bằng thiết bị ký số (SoftHSM2 thay cho USB token; CA thử nghiệm tạo tại chỗ)');
  if (!existsSync(SOFTHSM_MODULE)) {
    console.log(`     (bỏ qua: chưa cài softhsm2 — ${SOFTHSM_MODULE} không có; apt-get install softhsm2 opensc)`);
    return;
  }
  const pki = await createTestPki();
  const hsm = await createSoftHsm(pki, { labels: ['LANH-DAO', 'CO-QUAN'] });
  try {
    const trust = join(work, 'chung-thu-goc');
    mkdirSync(trust, { recursive: true });
    writeFileSync(join(trust, 'demo-root.pem'), pki.root.pem);
    const env = hsm.env;
    const pin = (i: number) => ({ input: `${hsm.tokens[i]!.pin}\n`, inputLabel: 'PIN', env });
    const images = join(root, 'resources', 'signing');
    vanthu(['token', 'list', '--module', hsm.modulePath], { env });
    const draft = await draftPdf(join(work, 'du-thao.pdf'), { place: 'Xã Hòa Tiến,' });
    const sign = (token: string, kind: string, input: string, out: string, extra: string[]) =>
      ['sign', '--module', hsm.modulePath, '--token', token, '--cert', CERT_IDS.rsa, '--pin-stdin', '--kind', kind, input, '--out', join(work, out), ...extra];
    vanthu(sign('LANH-DAO', 'approval', draft, 'da-duyet.pdf', ['--image', join(images, 'signature-placeholder.png'), '--anchor', 'Nguyễn Văn An']), pin(0));
    vanthu(['number', join(work, 'da-duyet.pdf'), '--out', join(work, 'da-cap-so.pdf'), '--number', '01/QĐ-UBND', '--date', vietnamToday(), '--date-anchor', 'Xã Hòa Tiến,']);
    vanthu(sign('CO-QUAN', 'agency', join(work, 'da-cap-so.pdf'), 'phat-hanh.pdf', ['--image', join(images, 'seal-placeholder.png')]), pin(1));
    vanthu(sign('CO-QUAN', 'attachment', draft, 'phu-luc-da-ky.pdf', ['--number', '01/QĐ-UBND']), pin(1));
    vanthu(['verify', join(work, 'phat-hanh.pdf'), '--trust', trust]);
    console.log('     → sửa nội dung trang 1 sau khi ký, rồi kiểm tra lại:');
    appendPageContentRevision(join(work, 'phat-hanh.pdf'), join(work, 'bi-sua.pdf'));
    vanthu(['verify', join(work, 'bi-sua.pdf'), '--trust', trust], { expect: 1 });
    vanthu(sign('LANH-DAO', 'approval', draft, 'sai-pin.pdf', ['--image', join(images, 'signature-placeholder.png')]), { input: '000000\n', inputLabel: 'PIN sai', env, expect: 2 });
    issuanceDemo(env, pin, images);
    await interchangeDemo({
      root,
      work,
      profile,
      vanthu: (args, options) => vanthu(args, { env, ...options }),
      heading,
      tokenArgs: (label) => ['--module', SOFTHSM_MODULE, '--token', label, '--cert', CERT_IDS.rsa, '--pin-stdin'],
      pin,
      trustDir: trust,
    });
  } finally {
    hsm.cleanup();
  }
}

await main();
