import { readDateInput } from '../util/dates.ts';

// Reads the date boxes of a form for sending. A date the form cannot read is sent as typed, so
// the server reports it together with every other problem in one answer. `dateBoxes` keeps what
// the clerk typed in each box, so the form can word the server's messages about them for
// dd/mm/yyyy (formFailure).
export function readDates<K extends string>(
  values: Readonly<Record<K, string>>,
  names: readonly K[],
): { dates: Record<K, string | null>; dateBoxes: Record<K, string> } {
  const dates = {} as Record<K, string | null>;
  const dateBoxes = {} as Record<K, string>;
  for (const name of names) {
    const read = readDateInput(values[name]);
    dates[name] = read === 'invalid' ? values[name] : read;
    dateBoxes[name] = values[name];
  }
  return { dates, dateBoxes };
}

// Counts typed as text: "" → null, digits → a number, anything else as typed for the server to
// refuse with its message.
export function readCount(text: string): number | string | null {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : t;
}
