import { MAX_ATTACHMENT_NAME } from './limits.ts';

// AttachmentName comes from the sender and is only ever shown, never used as a path. Names that
// look like a path or a device are refused outright: a sender has no honest reason to write them,
// and someone may later offer the name to "Save as".
const WINDOWS_RESERVED = /^(CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])$/i;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

// The reason a name is unsafe (English, for the log), or null when it may be shown.
export function unsafeNameReason(name: string): string | null {
  if (name.length > MAX_ATTACHMENT_NAME) return `longer than ${MAX_ATTACHMENT_NAME} characters`;
  if (CONTROL.test(name)) return 'control character';
  if (/[/\\]/.test(name)) return 'path separator';
  if (name.includes('..')) return "'..'";
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  if (name.includes(':')) return "':' (alternate data stream)";
  if (/[. ]$/.test(name)) return 'trailing dot or space';
  const stem = (name.split('.')[0] ?? '').replace(/[ .]+$/, '');
  if (WINDOWS_RESERVED.test(stem)) return 'Windows reserved device name';
  return null;
}

// What the clerk sees: NFC, characters Windows forbids in names replaced, runs of blanks merged.
export function displayName(name: string): string {
  return name.normalize('NFC').replace(/[<>"|?*]/g, '_').replace(/\s+/g, ' ').trim();
}

// A short lowercase extension for the stored file, so a viewer can open it; '' when the name
// has none we are willing to reuse.
export function safeExtension(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? `.${(m[1] ?? '').toLowerCase()}` : '';
}
