// Free text for a header value (updateStatus' description): header values must be printable
// ASCII to verify (see sign-headers.ts), so Vietnamese is written without diacritics, as
// clerks already do in SMS and file names. Lossy on purpose; the full reason stays in our
// database and in the status package.
export function asciiText(text: string, maxLength = 500): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .trim()
    .slice(0, maxLength);
}
