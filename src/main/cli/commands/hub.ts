import { parseHubArgs } from '../../../hub/cli-args.ts';
import { startHub } from '../../../hub/server.ts';
import type { CommandResult } from '../context.ts';

// `vanthu hub --port P --data DIR --systems FILE.json [fault knobs]`: the reference hub
// (src/hub, docs/sync.md) in the foreground until Ctrl+C, the same as `npm run hub`.
export async function hub(args: string[]): Promise<CommandResult> {
  const running = await startHub(parseHubArgs(args.filter((a) => a !== '--json')));
  console.log(`hub: listening on ${running.url} (data ${running.store.dataDir})`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.close();
  return { json: { stopped: true, url: running.url }, text: 'Đã dừng trục liên thông tham chiếu.' };
}
