import { Notice } from '../components/Notice.tsx';
import type { FormFailure } from './form-errors.ts';

export function FormSummary({ failure }: { readonly failure: FormFailure | null }) {
  if (!failure) return null;
  return (
    <Notice tone="error">
      <p>{failure.message}</p>
      {failure.details.length > 0 ? (
        <ul>
          {failure.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
