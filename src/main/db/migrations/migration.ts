import type { Db } from '../connection.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  // A migration that rebuilds a table (SQLite cannot change a CHECK constraint in place) needs
  // foreign keys off while the old table is dropped; the runner checks them all before commit.
  readonly rebuildsTables?: true;
  up(db: Db): void;
}
