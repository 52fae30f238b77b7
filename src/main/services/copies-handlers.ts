import { distributeCopy } from '../copies/distribute-copy.ts';
import { copyOptionsOf } from '../copies/copy-source.ts';
import { digitise } from '../copies/digitise.ts';
import { makeElectronicCopy, makePaperCopy } from '../copies/make-copy.ts';
import { listSecretIncoming, registerSecretIncoming } from '../registry/secret-incoming.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';
import { requireSecretClearance } from './secret-clearance.ts';

// Copies, digitising, and the register of secret incoming paper documents (docs/copies.md). The
// legal rules are checked in copies/ (copy-source.ts), never only in the UI.
export function createCopiesHandlers({ ready, tokens, resources }: Pick<HandlerDeps, 'ready' | 'tokens' | 'resources'>): HandlersOf<'copies' | 'secretIncoming'> {
  return {
    'copies.digitise': (input) => digitise(ready(), input),
    'copies.options': (input) => copyOptionsOf(ready(), input.documentId),
    'copies.makeElectronic': (input) =>
      makeElectronicCopy(
        ready(),
        { client: tokens(), modulePath: input.modulePath, tokenSerial: input.tokenSerial, certificateId: input.certificateId, pin: input.pin },
        resources,
        input,
      ),
    'copies.makePaper': (input) => makePaperCopy(ready(), resources, input),
    'copies.distribute': (input) => distributeCopy(ready(), input.copyId, input.recipients),
    'secretIncoming.register': (input) => {
      const p = ready();
      requireSecretClearance(p);
      return registerSecretIncoming(p, input);
    },
    'secretIncoming.list': (input) => {
      const p = ready();
      requireSecretClearance(p);
      return listSecretIncoming(p, input.year);
    },
  };
}
