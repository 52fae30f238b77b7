import type { FormEvent } from 'react';
import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';
import { write } from '../../api/write.ts';
import { useApp } from '../../app/app-context.ts';
import { useUnsavedChanges } from '../../app/unsaved-changes.ts';
import { DateInput, SelectInput, TextInput } from '../../components/inputs.tsx';
import { readDates } from '../../forms/dates-payload.ts';
import { type FormFailure, formFailure } from '../../forms/form-errors.ts';
import { FormSummary } from '../../forms/FormSummary.tsx';
import { label } from '../../forms/label.ts';
import { useForm } from '../../forms/use-form.ts';
import { useInFlight } from '../../forms/use-in-flight.ts';
import { showDate } from '../../util/dates.ts';
import { PROCESSING_OPTIONS } from '../../util/labels.ts';

const FIELDS = ['assigneeUnit', 'assigneePerson', 'dueDate', 'status', 'replyNotation'] as const;
type ProcessingValues = Record<(typeof FIELDS)[number], string>;

function processingValues(d: DocumentRecord): ProcessingValues {
  return {
    assigneeUnit: d.assigneeUnit ?? '',
    assigneePerson: d.assigneePerson ?? '',
    dueDate: showDate(d.dueDate),
    status: d.processingStatus ?? 'pending',
    replyNotation: d.replyNotation ?? '',
  };
}

interface ProcessingPanelProps {
  readonly doc: DocumentRecord;
  readonly onStart: () => void;
  readonly onSaved: (doc: DocumentRecord) => void;
}

// Chuyển xử lý and follow-up of an incoming document: who handles it, by when, how far along,
// and the reply document. What the clerk types here survives other changes to the document (a
// file attached, a correction); only this panel's own save resets it, to what the server kept.
export function ProcessingPanel({ doc, onStart, onSaved }: ProcessingPanelProps) {
  const { profile } = useApp();
  const form = useForm(processingValues(doc));
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const { busy, run } = useInFlight();
  const { values, errors, set } = form;
  useUnsavedChanges(form.dirty);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onStart();
      const { dates, dateBoxes } = readDates(values, ['dueDate']);
      // Naming an assignee moves a pending document to "assigned" on the server; an explicit
      // status is sent only when the clerk changed it.
      const statusChanged = values.status !== (doc.processingStatus ?? 'pending');
      try {
        const saved = await write('processing.update', {
          id: doc.id,
          assigneeUnit: values.assigneeUnit,
          assigneePerson: values.assigneePerson,
          dueDate: dates.dueDate,
          replyNotation: values.replyNotation,
          ...(statusChanged ? { status: values.status as ProcessingStatus } : {}),
        });
        setFailure(null);
        form.reset(processingValues(saved));
        onSaved(saved);
      } catch (err) {
        const f = formFailure(err, FIELDS, dateBoxes);
        setFailure(f);
        form.setErrors(f.fieldErrors);
      }
    });
  };

  return (
    <section className="panel" aria-labelledby="processing-title">
      <h2 id="processing-title">Chuyển xử lý và theo dõi</h2>
      <form className="form" onSubmit={submit} noValidate aria-label="Xử lý văn bản">
        <FormSummary failure={failure} />
        <div className="form__grid">
          <TextInput
            label={label('assigneeUnit')}
            name="assigneeUnit"
            value={values.assigneeUnit}
            onChange={set('assigneeUnit')}
            error={errors.assigneeUnit}
            list="assignee-units"
          />
          <datalist id="assignee-units">
            {(profile?.units ?? []).map((u) => (
              <option key={u.abbreviation} value={u.name} />
            ))}
          </datalist>
          <TextInput label={label('assigneePerson')} name="assigneePerson" value={values.assigneePerson} onChange={set('assigneePerson')} error={errors.assigneePerson} />
          <DateInput label={label('dueDate')} name="dueDate" value={values.dueDate} onChange={set('dueDate')} error={errors.dueDate} />
          <SelectInput
            label={label('processingStatus')}
            name="status"
            value={values.status}
            onChange={set('status')}
            error={errors.status}
            options={PROCESSING_OPTIONS}
          />
          <TextInput label={label('replyNotation')} name="replyNotation" value={values.replyNotation} onChange={set('replyNotation')} error={errors.replyNotation} />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu xử lý'}
          </button>
        </div>
      </form>
    </section>
  );
}
