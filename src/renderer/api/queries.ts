import { queryOptions } from '@tanstack/react-query';
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract.ts';
import { call } from './client.ts';

// A read as a query: its key is the operation and its input, so two screens asking the same
// thing share one answer, and a change invalidates every read of an operation by its name
// (write.ts).
export function apiQuery<K extends OperationName>(name: K, input: InputOf<K>) {
  return queryOptions<OutputOf<K>, Error, OutputOf<K>, readonly [K, InputOf<K>]>({
    queryKey: [name, input],
    queryFn: () => call(name, input),
  });
}
