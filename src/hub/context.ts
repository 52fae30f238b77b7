import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthenticatedRequest } from './auth.ts';
import type { HubDirectory } from './directory.ts';
import type { HubFaultKnobs } from './faults.ts';
import type { ResponseFaults } from './respond.ts';
import type { HubStore } from './store.ts';
import type { TokenBucket } from './throttle.ts';

export interface HubContext {
  readonly store: HubStore;
  readonly directory: HubDirectory;
  readonly faults: HubFaultKnobs;
  readonly bucket: TokenBucket;
  // The OrganId the hub writes in the TraceHeader it appends.
  readonly hubOrganId: string;
  readonly now: () => number;
}

export interface OperationCall {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly auth: AuthenticatedRequest;
  readonly responseFaults: ResponseFaults;
}

export type Operation = (ctx: HubContext, call: OperationCall) => Promise<void>;
