import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-signing.ts';
import { migration0003 } from './0003-issuance.ts';
import { migration0004 } from './0004-secret-series-withdrawal.ts';
import { migration0005 } from './0005-hub-sync.ts';
import { migration0006 } from './0006-crl-cache.ts';
import { migration0007 } from './0007-processing-history.ts';
import { migration0008 } from './0008-replies.ts';
import { migration0009 } from './0009-copies-digitisation.ts';
import { migration0010 } from './0010-secret-incoming.ts';
import { migration0011 } from './0011-case-files.ts';
import { migration0012 } from './0012-scan-texts.ts';
import { migration0013 } from './0013-document-use-index.ts';
import type { Migration } from './migration.ts';

// In version order; a test checks this list against the files in this folder.
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
