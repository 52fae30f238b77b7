import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract.ts';
import type { DraftInput } from '../../../shared/api/schemas/draft.ts';
import { errorMessage, isApiError } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import { useDebounced } from '../../util/use-debounced.ts';
import { draftErrors, type DraftErrors, type DraftValues, toDraftInput } from './draft-values.ts';

export type PreviewPdf = OutputOf<'drafts.preview'>;

export interface DraftPreviewState {
  // The last draft that rendered; kept while the clerk types something not yet valid.
  readonly pdf: PreviewPdf | null;
  // What the server said about the draft it was last asked about: field messages, or a general
  // failure. Kept until its next answer.
  readonly errors: DraftErrors;
  readonly failure: string | null;
  readonly rendering: boolean;
}

// The server's answer about one draft: its rendering, or why it cannot be rendered.
interface Answer {
  readonly pdf: PreviewPdf | null;
  readonly errors: DraftErrors;
  readonly failure: string | null;
}

// Pauses in typing shorter than this do not ask for a new rendering.
const DEBOUNCE_MS = 500;

async function render(draft: DraftInput): Promise<Answer> {
  try {
    return { pdf: await call('drafts.preview', { draft }), errors: {}, failure: null };
  } catch (e) {
    return { pdf: null, errors: isApiError(e) ? draftErrors(e.issues) : {}, failure: errorMessage(e) };
  }
}

// The live preview: the draft is rendered by the server (drafts.preview, nothing stored) once the
// clerk pauses typing. A refused draft is an answer (its messages go under the boxes), not a
// failed read; each draft is its own query, so only the answer for the draft now asked about
// shows, and the last answer stays until the next one arrives.
export function useDraftPreview(values: DraftValues): DraftPreviewState {
  const draft = toDraftInput(values);
  const asked = useDebounced(draft, DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: ['drafts.preview', { draft: asked }],
    queryFn: () => render(asked),
    placeholderData: keepPreviousData,
    // Each rendering is a PDF: only the one on screen is kept.
    gcTime: 0,
  });
  const answer = preview.data;
  // The last good rendering, kept while the draft is refused.
  const [shown, setShown] = useState<PreviewPdf | null>(null);
  if (answer?.pdf && answer.pdf !== shown) setShown(answer.pdf);
  const rendering = JSON.stringify(draft) !== JSON.stringify(asked) || preview.isFetching || !answer;
  return { pdf: answer?.pdf ?? shown, errors: answer?.errors ?? {}, failure: answer?.failure ?? null, rendering };
}
