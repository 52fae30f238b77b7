import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { showDate } from '../../util/dates.ts';

// The document a correction amends, replaces or corrects, named by its number and date, opening
// its page in Sổ văn bản đi. Until it is read (or if it cannot be), it is named by its row id.
export function OriginalLink({ documentId }: { readonly documentId: number }) {
  const { navigate } = useApp();
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('documents.get', { id: documentId })
      .then((d) => live && setName(`số ${d.codeNumber}/${d.codeNotation} ngày ${showDate(d.documentDate)}: ${d.subject}`))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [documentId]);
  return (
    <button type="button" className="link-button" data-testid="correction-of" onClick={() => navigate({ name: 'document', id: documentId })}>
      {name ?? `văn bản đi (mã ${documentId})`}
    </button>
  );
}
