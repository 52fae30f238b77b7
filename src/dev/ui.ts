import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBridge } from './bridge-server.ts';

// `npm run ui`: the real UI in any browser on this computer, without Electron, against a profile
// folder (argument, VANTHU_PROFILE, or ./.vanthu-dev-profile).
const profileDir = resolve(process.argv[2] ?? process.env.VANTHU_PROFILE ?? '.vanthu-dev-profile');
const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const port = Number(process.env.VANTHU_UI_PORT ?? '0');

const bridge = await startBridge({ profileDir, rendererDir, port });
console.log(`VanThu (trình duyệt) — dữ liệu: ${profileDir}`);
console.log(`Mở địa chỉ này trong trình duyệt (chỉ máy này truy cập được):\n  ${bridge.pageUrl}`);
console.log('Nhấn Ctrl+C để dừng.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void bridge.close().then(() => process.exit(0));
  });
}
