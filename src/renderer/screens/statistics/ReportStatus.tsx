import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-error.ts';
import { Notice } from '../../components/Notice.tsx';

// What a report panel shows while its figures load or when they could not be read.
export function ReportStatus({ query, what }: { readonly query: UseQueryResult<unknown>; readonly what: string }) {
  if (query.error) {
    return (
      <Notice tone="error">
        {`Chưa lập được ${what}: ${errorMessage(query.error)}`}{' '}
        <button type="button" className="button" onClick={() => void query.refetch()}>
          Thử lại
        </button>
      </Notice>
    );
  }
  return query.isPending ? <p className="loading">Đang lập {what}…</p> : null;
}
