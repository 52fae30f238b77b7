import { isAppError } from '../shared/errors.ts';
import { parseHubArgs } from './cli-args.ts';
import { startHub } from './server.ts';

// `node src/hub/main.ts --port P --data DIR --systems FILE.json [knobs]`: runs the reference hub
// until SIGINT/SIGTERM.
export { startHub } from './server.ts';
export type { HubOptions, RunningHub } from './server.ts';

async function main(): Promise<void> {
  const hub = await startHub(parseHubArgs(process.argv.slice(2)));
  console.log(`hub: listening on ${hub.url} (data ${hub.store.dataDir})`);
  const stop = (): void => {
    void hub.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) {
  main().catch((e: unknown) => {
    console.error(isAppError(e) ? e.messageVi : e);
    process.exit(isAppError(e) ? 2 : 1);
  });
}
