import { useEffect, useRef, useState } from 'react';
import type { OcrJobState } from '../../../shared/api/schemas/ocr.ts';
import { MAX_PREFILL_BYTES, type ProposeFieldsResult } from '../../../shared/api/schemas/prefill.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/api-error.ts';
import { FileReadError, fileToBase64 } from '../../util/files.ts';

export interface ProposalState {
  readonly fileName: string;
  readonly busy: boolean;
  readonly result: ProposeFieldsResult | null;
  // Why there is nothing to propose (a broken file, too big, nothing recognised): for the clerk.
  readonly message: string | null;
  // When the fields come from a scan: its recognition (progress per page, then the pages the
  // words are highlighted on). Null for a PDF read by its text.
  readonly scan: OcrJobState | null;
}

const isPdf = (f: File): boolean => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);
const isImage = (f: File): boolean => /^image\/(png|jpeg|tiff)$/.test(f.type) || /\.(png|jpe?g|tiff?)$/i.test(f.name);
// How often the form asks how a recognition goes: a page takes seconds, a bar moving four times
// a second looks continuous.
const POLL_MS = 250;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Reads the fields off the first PDF or scan the clerk attaches (docs/prefill.md, docs/ocr.md):
// a PDF by its text; a scan (an image, or a PDF without text) by recognising it, page by page,
// on the privileged side. Only the answer for the latest choice of files is kept: choosing again
// drops the older answer and stops its recognition.
export function useProposals() {
  const [state, setState] = useState<ProposalState | null>(null);
  const asked = useRef(0);
  const running = useRef<string | null>(null);

  const stopRunning = (): void => {
    const jobId = running.current;
    running.current = null;
    if (jobId) void call('ocr.cancel', { jobId }).catch(() => undefined);
  };
  // Leaving the form stops a recognition nobody will look at.
  useEffect(() => stopRunning, []);

  const recognise = async (ask: number, file: File, dataBase64: string, searchablePdf: boolean): Promise<void> => {
    let scan = await call('ocr.start', { fileName: file.name, dataBase64, searchablePdf });
    running.current = scan.jobId;
    while (ask === asked.current && scan.status === 'running') {
      setState({ fileName: file.name, busy: true, result: null, message: null, scan });
      await wait(POLL_MS);
      scan = await call('ocr.state', { jobId: scan.jobId });
    }
    if (running.current === scan.jobId) running.current = null;
    if (ask !== asked.current) return;
    setState({ fileName: file.name, busy: false, result: scan.status === 'done' ? scan.fields : null, message: scan.messageVi, scan });
  };

  const propose = async (files: readonly File[], options: { searchablePdf: boolean }): Promise<void> => {
    const ask = ++asked.current;
    stopRunning();
    const file = files.find((f) => isPdf(f) || isImage(f));
    if (!file) {
      setState(null);
      return;
    }
    setState({ fileName: file.name, busy: true, result: null, message: null, scan: null });
    try {
      const dataBase64 = await fileToBase64(file);
      if (isPdf(file) && file.size <= MAX_PREFILL_BYTES) {
        const result = await call('incoming.proposeFields', { fileName: file.name, dataBase64 });
        // A PDF without text is a scan: it is recognised instead.
        if (result.status !== 'no-text') {
          if (ask === asked.current) setState({ fileName: file.name, busy: false, result, message: result.messageVi, scan: null });
          return;
        }
      }
      if (ask === asked.current) await recognise(ask, file, dataBase64, options.searchablePdf);
    } catch (e) {
      // A file gone since it was chosen is the save's to report (it names the file); here it
      // only means nothing to propose.
      const message = e instanceof FileReadError ? 'Tệp đã chọn không còn đọc được: không có đề xuất.' : errorMessage(e);
      if (ask === asked.current) setState({ fileName: file.name, busy: false, result: null, message, scan: null });
    }
  };

  // The clerk's "Dừng": the job ends at once and the loop above reports it cancelled.
  const cancel = (): void => {
    const jobId = running.current;
    if (jobId) void call('ocr.cancel', { jobId }).catch(() => undefined);
  };

  const clear = (): void => {
    asked.current += 1;
    stopRunning();
    setState(null);
  };

  return { state, propose, cancel, clear };
}
