import { useRef, useState } from 'react';
import { MAX_PREFILL_BYTES, type ProposeFieldsResult } from '../../../shared/api/schemas/prefill.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/api-error.ts';
import { FileReadError, fileToBase64 } from '../../util/files.ts';

export interface ProposalState {
  readonly fileName: string;
  readonly busy: boolean;
  readonly result: ProposeFieldsResult | null;
  // Why there is nothing to propose (a scan, a broken file, too big): for the clerk.
  readonly message: string | null;
}

const isPdf = (f: File): boolean => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);

// Reads the fields off the first PDF the clerk attaches (docs/prefill.md). Only the answer for
// the latest choice of files is kept: choosing again while one is read drops the older answer.
export function useProposals() {
  const [state, setState] = useState<ProposalState | null>(null);
  const asked = useRef(0);

  const propose = async (files: readonly File[]): Promise<void> => {
    const ask = ++asked.current;
    const pdf = files.find(isPdf);
    if (!pdf) {
      setState(null);
      return;
    }
    if (pdf.size > MAX_PREFILL_BYTES) {
      setState({ fileName: pdf.name, busy: false, result: null, message: `Tệp lớn quá ${MAX_PREFILL_BYTES / 1024 / 1024} MB: không đọc nội dung để đề xuất.` });
      return;
    }
    setState({ fileName: pdf.name, busy: true, result: null, message: null });
    try {
      const result = await call('incoming.proposeFields', { fileName: pdf.name, dataBase64: await fileToBase64(pdf) });
      if (ask === asked.current) setState({ fileName: pdf.name, busy: false, result, message: result.messageVi });
    } catch (e) {
      // A file gone since it was chosen is the save's to report (it names the file); here it
      // only means nothing to propose.
      const message = e instanceof FileReadError ? 'Tệp đã chọn không còn đọc được: không có đề xuất.' : errorMessage(e);
      if (ask === asked.current) setState({ fileName: pdf.name, busy: false, result: null, message });
    }
  };

  const clear = (): void => {
    asked.current += 1;
    setState(null);
  };

  return { state, propose, clear };
}
