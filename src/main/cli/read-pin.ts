import { AppError } from '../../shared/errors.ts';

// The PIN never comes from argv, where every user of the machine could read it in the process
// list: `--pin-stdin` reads the first line of standard input, otherwise a terminal prompt reads
// it without echo. The PIN is kept in a local only as long as the login needs it.
const MAX_PIN_LENGTH = 64;

function checked(pin: string): string {
  if (pin === '') throw new AppError('INVALID_INPUT', 'Chưa nhập mã PIN.', 'empty PIN');
  if (pin.length > MAX_PIN_LENGTH) throw new AppError('INVALID_INPUT', 'Mã PIN quá dài.', `PIN longer than ${MAX_PIN_LENGTH}`);
  return pin;
}

export async function readPinFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    const newline = text.search(/\r?\n/);
    if (newline >= 0) return checked(text.slice(0, newline));
    if (text.length > MAX_PIN_LENGTH + 2) break;
  }
  return checked(text.replace(/\r?\n$/, ''));
}

export async function promptPin(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    throw new AppError('INVALID_INPUT', 'Không có màn hình để nhập PIN: hãy dùng --pin-stdin.', 'no TTY for the PIN prompt; use --pin-stdin');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let pin = '';
      const onData = (data: Buffer): void => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(pin);
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            reject(new AppError('INVALID_INPUT', 'Đã hủy nhập PIN.', 'PIN prompt cancelled'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') pin = pin.slice(0, -1);
          else pin += ch;
        }
      };
      stdin.on('data', onData);
    }).then(checked);
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
