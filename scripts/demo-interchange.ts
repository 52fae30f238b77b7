// Issue 5 in `npm run demo`: two agencies' desktops and the reference hub on loopback, every step
// through the real `vanthu` command. A (xã Hòa Tiến, the demo profile) drafts, signs, issues and
// sends a công văn; the sync moves it; B (xã Hòa Phong) verifies, accepts and registers it (01,
// then 03 back to A), assigns and finishes it (04, 05, 06); A sees every status.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { hubStatusName } from '../src/shared/domain/hub-status.ts';

type Run = (args: string[], options?: { input?: string; expect?: number; json?: boolean; env?: Record<string, string>; inputLabel?: string }) => Record<string, unknown>;

export interface InterchangeDemo {
  readonly root: string;
  readonly work: string;
  readonly profile: string;
  readonly vanthu: Run;
  readonly heading: (title: string) => void;
  readonly tokenArgs: (label: string) => string[];
  readonly pin: (i: number) => { input: string; inputLabel: string; env: Record<string, string> };
  readonly trustDir: string;
}

async function startHub(d: InterchangeDemo, systems: string): Promise<{ url: string; child: ChildProcess }> {
  console.log(`   $ vanthu hub --port 0 --data hub --systems systems.json   (chạy nền)`);
  const child = spawn(process.execPath, [join(d.root, 'bin', 'vanthu.js'), 'hub', '--port', '0', '--data', join(d.work, 'hub'), '--systems', systems], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  console.log(`     ${line}`);
  const url = /listening on (http:\S+)/.exec(line)?.[1];
  if (!url) throw new Error(`the hub did not start: ${line}`);
  return { url, child };
}

export async function interchangeDemo(d: InterchangeDemo): Promise<void> {
  const { vanthu, heading, work, profile } = d;
  const agencyA = JSON.parse(readFileSync(join(d.root, 'resources', 'demo', 'agency.json'), 'utf8')) as { organId: string; name: string };
  const agencyB = { ...agencyA, name: 'Ủy ban nhân dân xã Hòa Phong', organId: '000.47.24.H17', placeName: 'Xã Hòa Phong', address: 'Thôn Dương Sơn, xã Hòa Phong' };
  const profileB = join(work, 'profile-hoa-phong');
  const systems = [
    { systemId: 'VANTHU-HOA-TIEN', secret: 'ZGVtby1zZWNyZXQtb2YteGEtaG9hLXRpZW4tMDAwMDE=', agencies: [{ code: agencyA.organId, name: agencyA.name }] },
    { systemId: 'VANTHU-HOA-PHONG', secret: 'ZGVtby1zZWNyZXQtb2YteGEtaG9hLXBob25nLTAwMDI=', agencies: [{ code: agencyB.organId, name: agencyB.name }] },
    { systemId: 'QLVB-SO-NOI-VU', secret: 'ZGVtby1zZWNyZXQtb2Ytc28tbm9pLXZ1LTAwMDAwMDM=', agencies: [{ code: '000.00.12.H17', name: 'Sở Nội vụ thành phố Đà Nẵng' }] },
  ];
  const systemsFile = join(work, 'systems.json');
  writeFileSync(systemsFile, JSON.stringify(systems, null, 2));
  writeFileSync(join(work, 'agency-hoa-phong.json'), JSON.stringify(agencyB, null, 2));

  heading('Liên thông văn bản: trục tham chiếu trên máy (loopback), cơ quan thứ hai là UBND xã Hòa Phong');
  const hub = await startHub(d, systemsFile);
  try {
    vanthu(['init', '--profile', profileB, '--agency', join(work, 'agency-hoa-phong.json')]);
    vanthu(['signing', 'settings', '--profile', profileB, '--trust', d.trustDir]);
    for (const [dir, system] of [
      [profile, systems[0]!],
      [profileB, systems[1]!],
    ] as const) {
      vanthu(['hub-config', '--profile', dir, '--endpoint', hub.url, '--system-id', system.systemId, '--secret-stdin'], { input: `${system.secret}\n`, inputLabel: 'khóa bí mật' });
    }
    vanthu(['agencies', 'refresh', '--profile', profile]);
    vanthu(['agencies', 'search', '--profile', profile, 'hoa phong']);

    heading('Xã Hòa Tiến soạn công văn gửi xã Hòa Phong: ký duyệt, cấp số, ký phát hành, vào sổ, gửi');
    const example = JSON.parse(readFileSync(join(d.root, 'resources', 'drafts', 'examples', 'cong-van.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(work, 'cong-van-lien-thong.json'),
      JSON.stringify({
        draft: { ...example, recipients: [agencyB.name], subject: 'V/v phối hợp tổ chức Ngày hội Đại đoàn kết toàn dân tộc' },
        recipients: [{ name: agencyB.name, organId: agencyB.organId }],
        archive: 'VT, VP',
      }),
    );
    const created = vanthu(['issue', 'create', '--profile', profile, join(work, 'cong-van-lien-thong.json')], { json: true });
    const id = String(created.id);
    vanthu(['issue', 'submit', '--profile', profile, '--id', id]);
    vanthu(['issue', 'approve', '--profile', profile, '--id', id, ...d.tokenArgs('LANH-DAO')], d.pin(0));
    vanthu(['issue', 'number', '--profile', profile, '--id', id]);
    vanthu(['issue', 'issue', '--profile', profile, '--id', id, ...d.tokenArgs('CO-QUAN')], d.pin(1));
    vanthu(['issue', 'register', '--profile', profile, '--id', id]);
    const distributed = vanthu(['issue', 'distribute', '--profile', profile, '--id', id], { json: true }) as {
      documentId: number;
      files: Array<{ sha256: string; step: string; role: string }>;
    };
    const signed = distributed.files.filter((f) => f.step === 'issued' && f.role === 'main').pop();
    if (signed) console.log(`     → PDF đã ký (lãnh đạo + cơ quan): ${join(profile, 'files', signed.sha256.slice(0, 2), signed.sha256)}`);
    vanthu(['edxml', 'pack', '--profile', profile, '--document', String(distributed.documentId), '--out', join(work, 'goi-tin.edxml')]);
    vanthu(['edxml', 'inspect', join(work, 'goi-tin.edxml')]);

    // A syncs and reads its recipient's latest status after each of B's steps.
    const statusAtA = () => {
      vanthu(['sync', '--profile', profile]);
      const shown = vanthu(['issue', 'show', '--profile', profile, '--id', id], { json: true }) as { outbox: Array<{ recipientName: string; receiveStatus: string | null }> };
      for (const o of shown.outbox) console.log(`     → Hòa Tiến thấy: ${o.recipientName}: ${o.receiveStatus ? `${o.receiveStatus} ${hubStatusName(o.receiveStatus)}` : 'chưa có trạng thái'}`);
    };

    heading('Cuối ngày: đồng bộ. Xã Hòa Tiến gửi; xã Hòa Phong nhận, kiểm tra chữ ký, báo "đã đến" (01)');
    vanthu(['sync', '--profile', profile]);
    vanthu(['sync', '--profile', profileB]);
    const listed = vanthu(['inbox', 'list', '--profile', profileB], { json: true }) as { rows: Array<{ id: number; subject: string }> };
    const inboxId = String(listed.rows[0]?.id);
    vanthu(['inbox', 'show', '--profile', profileB, '--id', inboxId]);
    statusAtA();

    heading('Xã Hòa Phong tiếp nhận (vào sổ đến: 03), phân công (04), xử lý (05), hoàn thành (06)');
    const accepted = vanthu(['inbox', 'accept', '--profile', profileB, '--id', inboxId], { json: true });
    const docB = String(accepted.id);
    console.log(`     → số đến ${String(accepted.number)}: ${String(accepted.codeNumber)}/${String(accepted.codeNotation)}`);
    const steps: string[][] = [[], ['--unit', 'Văn phòng', '--person', 'Anh Minh'], ['--status', 'in_progress'], ['--status', 'done']];
    for (const step of steps) {
      if (step.length > 0) vanthu(['processing', 'update', '--profile', profileB, '--id', docB, ...step]);
      vanthu(['sync', '--profile', profileB]);
      statusAtA();
    }
  } finally {
    hub.child.kill('SIGTERM');
    await once(hub.child, 'exit');
  }
}
