import { Field } from '../../components/Field.tsx';

// The hub secret: typed, never shown back. The server only says whether one is stored, so the
// box stays empty and its hint says "đã lưu"; leaving it empty keeps the stored one.
export function HubSecretInput(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly stored: boolean;
  readonly readable: boolean;
  readonly error?: string | undefined;
}) {
  const hint = !props.stored
    ? 'Do trục liên thông cấp cùng mã hệ thống.'
    : props.readable
      ? 'Đã lưu (được mã hóa trên máy này). Để trống để giữ khóa đã lưu.'
      : 'Khóa đã lưu được nhập ở nơi khác (dòng lệnh hoặc ứng dụng) nên ở đây không giải mã được: hãy nhập lại.';
  return (
    <Field label="Khóa bí mật" error={props.error} hint={hint} required={!props.stored}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name="secret"
          type="password"
          value={props.value}
          placeholder={props.stored ? '•••••••• (đã lưu)' : ''}
          autoComplete="new-password"
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
