import { AppError } from '../../shared/errors.ts';
import { importTrustCertificates, removeTrustCertificate } from '../signing/trust/profile-trust-list.ts';
import { programTrustList } from '../signing/trust/profile-trust.ts';
import { trustListView } from '../signing/trust/trust-list-view.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The trust list as the clerk sees and changes it: the program's list is read-only; what the
// clerk adds (or a newer bundle) is the profile's, audited, and a dry run shows the change first.
export function createTrustListHandlers({ ready, resources }: Pick<HandlerDeps, 'ready' | 'resources'>): HandlersOf<'trustList'> {
  return {
    'trustList.view': () => trustListView(ready(), resources.dir),
    'trustList.import': (input) =>
      importTrustCertificates(
        ready(),
        input.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.dataBase64, 'base64')) })),
        { replace: input.replace, dryRun: input.dryRun, program: programTrustList(resources.dir).entries },
      ),
    'trustList.remove': ({ sha256 }) => {
      const removed = removeTrustCertificate(ready(), sha256);
      if (!removed) throw new AppError('NOT_FOUND', 'Chứng thư này không có trong danh sách tin cậy do cơ quan thêm (chứng thư của chương trình không gỡ được).', `no profile trust certificate ${sha256}`);
      return { added: [], removed: [removed], unchanged: 0, refused: [], applied: true };
    },
  };
}
