import { hubSettings } from '../hub/hub-settings.ts';
import { answerRequest } from '../sync/answer-request.ts';
import { acceptInbox, refuseInbox } from '../sync/inbox-actions.ts';
import { getInbox, listInbox, readInboxFile } from '../sync/inbox-queries.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The clerk's side of the interchange (docs/sync.md): the sync button and its progress, and the
// documents the hub delivered.
export function createSyncHandlers({ ready, sync: service }: Pick<HandlerDeps, 'ready' | 'sync'>): HandlersOf<'sync' | 'inbox'> {
  return {
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
  };
}
