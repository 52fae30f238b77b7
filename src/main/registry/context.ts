import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/connection.ts';
import type { BlobStore } from '../files/blob-store.ts';
import type { Clock } from './clock.ts';

// What the registry modules work on: one open profile.
export interface RegistryContext {
  readonly db: Db;
  readonly audit: AuditLog;
  readonly blobs: BlobStore;
  readonly clock: Clock;
}
