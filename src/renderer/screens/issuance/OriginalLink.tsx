import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { showDate } from '../../util/dates.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

// The document a correction amends, replaces or corrects, named by its number and date, opening
// its page in Sổ văn bản đi. Until it is read (or if it cannot be), it is named by its row id.
export function OriginalLink({ documentId }: { readonly documentId: number }) {
  const { navigate } = useApp();
  const { data: d } = useQuery(apiQuery('documents.get', { id: documentId }));
  return (
    <button type="button" className="link-button" data-testid="correction-of" onClick={() => navigate({ name: 'document', id: documentId })}>
      {d ? `số ${numberNotation(d)} ngày ${showDate(d.documentDate)}: ${d.subject}` : `văn bản đi (mã ${documentId})`}
    </button>
  );
}
