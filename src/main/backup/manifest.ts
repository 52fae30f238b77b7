import { z } from 'zod';

export const BACKUP_FORMAT = 'vanthu-backup';
export const BACKUP_EXTENSION = '.vtbak';

// manifest.json at the root of every backup archive: what it holds and the hashes that let a
// restore prove the archive is whole before it replaces anything.
export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.int().min(1),
  agency: z.object({ name: z.string(), organId: z.string() }).nullable(),
  documents: z.int().min(0),
  database: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.int().min(0) }),
  files: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.int().min(0) })),
  missingFiles: z.array(z.string()),
  audit: z.object({ headSeq: z.int().nullable(), headHash: z.string().nullable() }),
});
export type BackupManifest = z.infer<typeof backupManifest>;
