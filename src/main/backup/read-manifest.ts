import { createReadStream } from 'node:fs';
import * as tar from 'tar';
import { backupManifest, type BackupManifest } from './manifest.ts';

// manifest.json is the first entry of every archive we write; reading it stops there instead of
// scanning a backup of several gigabytes. Null when the file holds no readable manifest.
export function readBackupManifest(path: string, maxBytes = 1 << 20): Promise<BackupManifest | null> {
  return new Promise((resolve) => {
    const stream = createReadStream(path);
    let settled = false;
    const finish = (m: BackupManifest | null) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      resolve(m);
    };
    const parser = new tar.Parser({
      strict: true,
      onReadEntry: (entry) => {
        if (entry.path !== 'manifest.json' || entry.size > maxBytes) return finish(null);
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => {
          const parsed = backupManifest.safeParse(safeJson(Buffer.concat(chunks).toString('utf8')));
          finish(parsed.success ? parsed.data : null);
        });
      },
    });
    parser.on('error', () => finish(null));
    parser.on('end', () => finish(null));
    stream.on('error', () => finish(null));
    stream.pipe(parser);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
