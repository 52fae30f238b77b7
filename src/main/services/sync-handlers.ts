import type { OperationName } from '../../shared/api/contract.ts';
import { createHubClientFor } from '../hub/hub-connection.ts';
import { hubSettings } from '../hub/hub-settings.ts';
import type { Profile } from '../profile/open-profile.ts';
import { answerRequest } from '../sync/answer-request.ts';
import { acceptInbox, refuseInbox } from '../sync/inbox-actions.ts';
import { getInbox, listInbox, readInboxFile } from '../sync/inbox-queries.ts';
import type { PackageBuilders } from '../sync/send-packages.ts';
import { createSyncService, type SyncService } from '../sync/sync-service.ts';
import type { Handlers } from './handlers.ts';
import type { CipherFor } from './hub-handlers.ts';

export type SyncOperation = Extract<OperationName, `sync.${string}` | `inbox.${string}`>;

export interface SyncHandlerOptions {
  readonly resourcesDir?: string;
  readonly probeTimeoutMs?: number;
  readonly builders?: PackageBuilders;
}

export interface SyncHandlers {
  readonly handlers: Pick<Handlers, SyncOperation>;
  // The same service the scheduler drives, so a scheduled run and the button share one run.
  readonly service: SyncService;
}

// The clerk's side of the interchange (docs/sync.md): the sync button and its progress, and the
// documents the hub delivered. The hub client is made from the saved settings with this side's
// cipher, as for the hub handlers.
export function createSyncHandlers(ready: () => Profile, cipherFor: CipherFor, options: SyncHandlerOptions = {}): SyncHandlers {
  const service = createSyncService({
    clientFor: (p) => createHubClientFor(p, cipherFor(p)),
    ...(options.builders ? { builders: options.builders } : {}),
    ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
    ...(options.probeTimeoutMs ? { probeTimeoutMs: options.probeTimeoutMs } : {}),
  });
  return {
    service,
    handlers: {
      'sync.run': () => {
        const p = ready();
        const { joined } = service.start(p, 'manual');
        return { ...service.state(p), joined };
      },
      'sync.state': async (input) => {
        const p = ready();
        if (input.probe && hubSettings(p) !== null && !service.running(p)) await service.probe(p);
        return service.state(p);
      },
      'inbox.list': (input) => listInbox(ready(), input),
      'inbox.get': (input) => getInbox(ready(), input.id),
      'inbox.readFile': (input) => {
        const file = readInboxFile(ready(), input.id, input.sha256);
        return { name: file.name, size: file.size, dataBase64: file.data.toString('base64') };
      },
      'inbox.accept': (input) =>
        acceptInbox(ready(), input.id, { allowDuplicate: input.allowDuplicate, ...(input.recipientUnit !== undefined ? { recipientUnit: input.recipientUnit } : {}) }),
      'inbox.refuse': (input) => {
        const p = ready();
        refuseInbox(p, input.id, input.reason);
        return getInbox(p, input.id);
      },
      'inbox.answer': (input) => {
        const p = ready();
        answerRequest(p, input.id, input.agree, input.reason);
        return getInbox(p, input.id);
      },
    },
  };
}
