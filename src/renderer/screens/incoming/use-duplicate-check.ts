import { useEffect, useState } from 'react';
import type { DuplicateMatch } from '../../../shared/api/schemas/documents.ts';
import { call } from '../../api/client.ts';

const DELAY_MS = 400;

// As soon as number, notation and issuing agency are filled, asks the server whether a document
// like this one is already in the register, so the clerk sees it before saving.
export function useDuplicateCheck(issuingAgency: string, codeNumber: string, codeNotation: string) {
  const [matches, setMatches] = useState<readonly DuplicateMatch[]>([]);
  useEffect(() => {
    if (!issuingAgency.trim() || !codeNumber.trim() || !codeNotation.trim()) {
      setMatches([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      call('incoming.checkDuplicates', { issuingAgency, codeNumber, codeNotation })
        .then((found) => {
          if (current) setMatches(found);
        })
        .catch(() => {
          // The check is a courtesy: the server checks again when saving.
        });
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [issuingAgency, codeNumber, codeNotation]);
  return { matches, setMatches };
}
