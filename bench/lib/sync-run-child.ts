import { spawn } from 'node:child_process';
import type { Desk } from '../../test/support/sync-desks.ts';
import { RESOURCES_DIR, type SyncChildScript } from './sync-bundle.ts';
import type { SyncChildReport, SyncChildRequest } from './sync-child.ts';

// Desk `desk` syncs once in a child process (sync-child.ts, bundled or not) against the hub at
// `endpoint`; the parent keeps serving the hub meanwhile, so this must not block its event loop.
export async function syncInChild(child: SyncChildScript, desk: Desk, endpoint: string): Promise<SyncChildReport> {
  const request: SyncChildRequest = {
    profileDir: desk.profileDir,
    endpoint,
    systemId: desk.system.systemId,
    secret: desk.system.secret,
    resourcesDir: RESOURCES_DIR,
  };
  const proc = spawn(process.execPath, [child.script, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...child.env } });
  const out: Buffer[] = [];
  proc.stdout.on('data', (c: Buffer) => out.push(c));
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('close', (c) => resolve(c));
  });
  const text = Buffer.concat(out).toString('utf8').trim();
  if (code !== 0) throw new Error(`sync child exited with ${code}: ${text.slice(0, 500)}`);
  return JSON.parse(text.split('\n').at(-1) ?? '{}') as SyncChildReport;
}
