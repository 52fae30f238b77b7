import type { Db } from '../connection.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
