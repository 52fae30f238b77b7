// What a sync run reports while it works (a progress bar per direction) and at its end (the
// summary the clerk reads). Counts are packages; bytes are on the wire.
export interface DirectionProgress {
  total: number;
  done: number;
  bytes: number;
}

export interface SyncFailure {
  readonly what: string;
  readonly reasonVi: string;
  // What the clerk should do about it.
  readonly actionVi: string;
}

export interface SyncProgress {
  readonly outgoing: DirectionProgress;
  readonly incoming: DirectionProgress;
  sent: number;
  received: number;
  statusesSent: number;
  statusesReceived: number;
  duplicates: number;
  reconciled: number;
  readonly failures: SyncFailure[];
}

export function emptyProgress(): SyncProgress {
  return {
    outgoing: { total: 0, done: 0, bytes: 0 },
    incoming: { total: 0, done: 0, bytes: 0 },
    sent: 0,
    received: 0,
    statusesSent: 0,
    statusesReceived: 0,
    duplicates: 0,
    reconciled: 0,
    failures: [],
  };
}

export type ProgressListener = (progress: Readonly<SyncProgress>) => void;
