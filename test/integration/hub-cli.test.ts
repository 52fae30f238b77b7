import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { A, CRED_A, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { hubCall } from '../support/hub-request.ts';

describe('vanthu hub', () => {
  let dir: TestHubDir | null = null;
  afterEach(() => dir?.remove());

  it('runs the reference hub in the foreground until it is told to stop', async () => {
    dir = testHubDir();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'vanthu.js'), 'hub', '--port', '0', '--data', dir.dataDir, '--systems', dir.systemsFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const url = /listening on (http:\S+)/.exec(line)?.[1] ?? '';
    const agencies = (await hubCall(url, 'getAgenciesList', CRED_A)).json<{ ErrorCode: string; data: Array<{ code: string }> }>();
    expect(agencies.ErrorCode).toBe('0');
    expect(agencies.data.map((a) => a.code)).toContain(A);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
  });
});
