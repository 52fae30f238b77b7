import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { draftErrors, type DraftErrors, type DraftValues, toDraftInput } from './draft-values.ts';

export type PreviewPdf = OutputOf<'drafts.preview'>;

export interface DraftPreviewState {
  // The last draft that rendered; kept while the clerk types something not yet valid.
  readonly pdf: PreviewPdf | null;
  // What the server said about the current draft: field messages, or a general failure.
  readonly errors: DraftErrors;
  readonly failure: string | null;
  readonly rendering: boolean;
  // The draft the current errors and pdf are for (the create step renders this exact draft).
  readonly current: boolean;
}

// Pauses in typing shorter than this do not ask for a new rendering.
const DEBOUNCE_MS = 500;

// The live preview: the draft is rendered by the server (drafts.preview, nothing stored) once the
// clerk pauses typing. Only the newest request's answer is shown: an older one that arrives late
// is dropped.
export function useDraftPreview(values: DraftValues): DraftPreviewState {
  const [state, setState] = useState<DraftPreviewState>({ pdf: null, errors: {}, failure: null, rendering: true, current: false });
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, rendering: true, current: false }));
    const timer = setTimeout(() => {
      call('drafts.preview', { draft: toDraftInput(values) })
        .then((pdf) => {
          if (mine === generation.current) setState({ pdf, errors: {}, failure: null, rendering: false, current: true });
        })
        .catch((e: unknown) => {
          if (mine !== generation.current) return;
          const errors = isApiError(e) ? draftErrors(e.issues) : {};
          setState((s) => ({ pdf: s.pdf, errors, failure: errorMessage(e), rendering: false, current: true }));
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [values]);
  return state;
}
