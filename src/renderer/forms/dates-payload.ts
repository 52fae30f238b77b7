import { readDateInput } from '../util/dates.ts';

// Reads the date boxes of a form for sending. A date the form cannot read is sent as typed, so
// the server reports it together with every other problem in one answer; its name is returned
// so the form can word the message for dd/mm/yyyy.
export function readDates<K extends string>(
  values: Readonly<Record<K, string>>,
  names: readonly K[],
): { dates: Record<K, string | null>; badDates: K[] } {
  const dates = {} as Record<K, string | null>;
  const badDates: K[] = [];
  for (const name of names) {
    const read = readDateInput(values[name]);
    if (read === 'invalid') {
      badDates.push(name);
      dates[name] = values[name];
    } else {
      dates[name] = read;
    }
  }
  return { dates, badDates };
}

// Counts typed as text: "" → null, digits → a number, anything else as typed for the server to
// refuse with its message.
export function readCount(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : t;
}
