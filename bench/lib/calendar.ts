// Every calendar day from 1 January of `firstYear` to `lastDay` inclusive, as ISO dates. The
// seed walks this list in order, so register dates (and numbers) grow with the row id, as they
// do in a register kept day by day.
export function daysFrom(firstYear: number, lastDay: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  for (let t = Date.UTC(firstYear, 0, 1); t <= end; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
