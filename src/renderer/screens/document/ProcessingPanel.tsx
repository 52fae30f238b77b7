import { type FormEvent, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';
import { call } from '../../api/client.ts';
import { useApp } from '../../app/app-context.ts';
import { DateInput, SelectInput, TextInput } from '../../components/inputs.tsx';
import { readDates } from '../../forms/dates-payload.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { showDate } from '../../util/dates.ts';
import { PROCESSING_OPTIONS } from '../../util/labels.ts';

interface ProcessingPanelProps {
  readonly doc: DocumentRecord;
  readonly onSaved: (doc: DocumentRecord) => void;
}

// Chuyển xử lý and follow-up of an incoming document: who handles it, by when, how far along,
// and the reply document.
export function ProcessingPanel({ doc, onSaved }: ProcessingPanelProps) {
  const { profile } = useApp();
  const [unit, setUnit] = useState(doc.assigneeUnit ?? '');
  const [person, setPerson] = useState(doc.assigneePerson ?? '');
  const [due, setDue] = useState(showDate(doc.dueDate));
  const [status, setStatus] = useState<string>(doc.processingStatus ?? 'pending');
  const [reply, setReply] = useState(doc.replyNotation ?? '');
  const [failure, setFailure] = useState<FormFailure | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { dates, badDates } = readDates({ dueDate: due }, ['dueDate']);
    // Naming an assignee moves a pending document to "assigned" on the server; an explicit status
    // is sent only when the clerk changed it.
    const statusChanged = status !== (doc.processingStatus ?? 'pending');
    try {
      const saved = await call('processing.update', {
        id: doc.id,
        assigneeUnit: unit,
        assigneePerson: person,
        dueDate: dates.dueDate,
        replyNotation: reply,
        ...(statusChanged ? { status: status as ProcessingStatus } : {}),
      });
      setFailure(null);
      onSaved(saved);
    } catch (err) {
      setFailure(formFailure(err, ['assigneeUnit', 'assigneePerson', 'dueDate', 'status', 'replyNotation'], badDates));
    }
  };

  const errors = failure?.fieldErrors ?? {};
  return (
    <section className="panel" aria-labelledby="processing-title">
      <h2 id="processing-title">Chuyển xử lý và theo dõi</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Xử lý văn bản">
        <FormSummary failure={failure} />
        <div className="form__grid">
          <TextInput label="Đơn vị xử lý" name="assigneeUnit" value={unit} onChange={setUnit} error={errors.assigneeUnit} list="assignee-units" />
          <datalist id="assignee-units">
            {(profile?.units ?? []).map((u) => (
              <option key={u.abbreviation} value={u.name} />
            ))}
          </datalist>
          <TextInput label="Người xử lý" name="assigneePerson" value={person} onChange={setPerson} error={errors.assigneePerson} />
          <DateInput label="Hạn xử lý" name="dueDate" value={due} onChange={setDue} error={errors.dueDate} />
          <SelectInput label="Tiến độ" name="status" value={status} onChange={setStatus} error={errors.status} options={PROCESSING_OPTIONS} />
          <TextInput label="Số, ký hiệu văn bản trả lời" name="replyNotation" value={reply} onChange={setReply} error={errors.replyNotation} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            Lưu xử lý
          </button>
        </div>
      </form>
    </section>
  );
}
