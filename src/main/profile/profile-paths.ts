import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Everything of one agency lives under one folder, so that a backup, a move to a new computer or
// a test's temporary profile is a single directory.
export interface ProfilePaths {
  readonly root: string;
  readonly database: string;
  readonly files: string;
  readonly exports: string;
  readonly backups: string;
  readonly logs: string;
  readonly tmp: string;
}

export function profilePaths(dir: string): ProfilePaths {
  const root = resolve(dir);
  return {
    root,
    database: join(root, 'vanthu.db'),
    files: join(root, 'files'),
    exports: join(root, 'exports'),
    backups: join(root, 'backups'),
    logs: join(root, 'logs'),
    tmp: join(root, 'tmp'),
  };
}

export function ensureProfileDirs(paths: ProfilePaths): void {
  for (const dir of [paths.root, paths.files, paths.exports, paths.backups, paths.logs, paths.tmp]) {
    mkdirSync(dir, { recursive: true });
  }
}
