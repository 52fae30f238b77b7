import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  json<T = Record<string, unknown>>(): T;
}

// Runs the real `vanthu` command as a user would (bin/vanthu.js, a separate process).
export function vanthu(args: string[], options: { input?: string; cwd?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'vanthu.js'), ...args], {
    input: options.input,
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: <T,>() => JSON.parse(r.stdout) as T,
  };
}
