import { readFileSync, statfsSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly disk: string;
  readonly node: string;
  readonly sqlite: string;
}

// The figures only mean something next to the machine that produced them.
export function describeMachine(dir: string, sqliteVersion: string): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    disk: describeDisk(dir),
    node: process.version,
    sqlite: sqliteVersion,
  };
}

// The filesystem holding the profile (longest mount point that contains it) and its size.
function describeDisk(dir: string): string {
  const path = resolve(dir);
  let best = { mount: '', text: 'unknown' };
  try {
    for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [device, mount, type] = line.split(' ');
      if (!device || !mount || !type) continue;
      const inside = path === mount || path.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
      if (inside && mount.length > best.mount.length) best = { mount, text: `${device} ${type}` };
    }
    const fs = statfsSync(path);
    return `${best.text}, ${Math.round((fs.blocks * fs.bsize) / 2 ** 30)} GiB`;
  } catch {
    return best.text;
  }
}
