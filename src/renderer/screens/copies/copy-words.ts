import { COPY_LABELS, type CopyForm, type CopyKind, FORM_NAMES } from '../../../shared/domain/copy-rules.ts';

// "SAO Y điện tử", "SAO LỤC giấy": an option as the clerk reads it.
export function optionName(kind: CopyKind, form: CopyForm): string {
  return `${COPY_LABELS[kind]} ${form === 'electronic' ? 'điện tử' : 'giấy'}`;
}

export function formName(form: CopyForm): string {
  return FORM_NAMES[form];
}

// "000.00.12.H17 Sở Y tế thành phố Đà Nẵng", one recipient a line: the agency identifier first.
export function parseRecipients(text: string): { recipients: Array<{ organId: string; name: string }>; bad: string[] } {
  const recipients: Array<{ organId: string; name: string }> = [];
  const bad: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (m?.[1] && m[2]) recipients.push({ organId: m[1], name: m[2] });
    else bad.push(line);
  }
  return { recipients, bad };
}
