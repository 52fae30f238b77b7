import { AppError } from '../../shared/errors.ts';
import { APPLICATION_ID } from './application-id.ts';
import type { Db } from './connection.ts';
import { writeTransaction } from './connection.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}


function newerVersion(db: Db, from: number, latest: number): AppError {
  return new AppError(
    'DB_NEWER_VERSION',
    `Dữ liệu này được tạo bởi phiên bản VanThu mới hơn (lược đồ ${from}, phiên bản này hiểu đến ${latest}). ` +
      'Hãy cài phiên bản VanThu mới hơn; dữ liệu không bị thay đổi.',
    `database schema version ${from} is newer than this build supports (${latest}): ${db.name}`,
  );
}

function notOurs(db: Db, why: string): AppError {
  return new AppError(
    'DB_CORRUPT',
    'Tệp vanthu.db trong thư mục này không phải dữ liệu của VanThu; chương trình không đụng tới nó. Hãy chọn đúng thư mục dữ liệu, hoặc khôi phục từ bản sao lưu.',
    `${db.name} is not a VanThu database: ${why}`,
  );
}

// Read-only checks before anything is written to the file: whose it is and which version.
export function preflight(db: Db, latest: number = LATEST_SCHEMA_VERSION): void {
  const version = schemaVersion(db);
  if (version > latest) throw newerVersion(db, version, latest);
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").pluck().get() as number;
    if (tables > 0 || applicationId !== 0) throw notOurs(db, `schema version 0 with ${tables} objects, application_id ${applicationId}`);
  } else if (applicationId !== APPLICATION_ID) {
    throw notOurs(db, `application_id ${applicationId}`);
  }
}

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

// Brings the database to the latest schema in ONE transaction: either every pending migration
// applies or none does. A database written by a newer VanThu is refused untouched, because an
// older program cannot know what the newer columns and rules mean.
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): MigrationOutcome {
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) throw newerVersion(db, from, latest);
  if (from === latest) return { from, to: latest };
  const pending = migrations.slice(from);
  // The procedure of sqlite.org/lang_altertable.html §7: foreign keys can only be switched off
  // outside a transaction, and every reference is checked again before the commit.
  const rebuild = pending.some((m) => m.rebuildsTables);
  if (rebuild) db.pragma('foreign_keys = OFF');
  try {
    writeTransaction(db, () => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuild) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration to ${latest} leaves ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 5))}`);
      }
    });
  } finally {
    if (rebuild) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}

export { LATEST_SCHEMA_VERSION };
