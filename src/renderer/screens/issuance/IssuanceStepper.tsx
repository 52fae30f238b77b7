import type { IssuanceState } from '../../../shared/api/schemas/issuance.ts';
import { STATE_NAMES, STEPS } from './issuance-words.ts';

// Dự thảo → Trình ký → … → Đã gửi: the steps done, the current one (aria-current) and those to
// come. A voided document shows the steps as they were and "Đã hủy" after them.
export function IssuanceStepper({ state, reached }: { readonly state: IssuanceState; readonly reached: number }) {
  return (
    <ol className="stepper" aria-label="Các bước phát hành">
      {STEPS.map((step, i) => {
        const status = i < reached ? 'done' : i === reached && state !== 'void' ? 'current' : 'todo';
        return (
          <li key={step} className={`stepper__step stepper__step--${status}`} aria-current={status === 'current' ? 'step' : undefined}>
            <span className="stepper__mark" aria-hidden="true">
              {status === 'done' ? '✓' : i + 1}
            </span>
            {STATE_NAMES[step]}
            <span className="visually-hidden">{status === 'done' ? ' (xong)' : status === 'current' ? ' (hiện tại)' : ''}</span>
          </li>
        );
      })}
      {state === 'void' ? <li className="stepper__step stepper__step--void" aria-current="step">{STATE_NAMES.void}</li> : null}
    </ol>
  );
}
