import { AppError } from '../../shared/errors.ts';
import type { Db } from './connection.ts';
import { writeTransaction } from './connection.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
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
  if (from > latest) {
    throw new AppError(
      'DB_NEWER_VERSION',
      `Dữ liệu này được tạo bởi phiên bản VanThu mới hơn (lược đồ ${from}, phiên bản này hiểu đến ${latest}). ` +
        'Hãy cài phiên bản VanThu mới hơn; dữ liệu không bị thay đổi.',
      `database schema version ${from} is newer than this build supports (${latest}): ${db.name}`,
    );
  }
  if (from === latest) return { from, to: latest };
  writeTransaction(db, () => {
    for (const m of migrations.slice(from)) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  return { from, to: latest };
}

export { LATEST_SCHEMA_VERSION };
