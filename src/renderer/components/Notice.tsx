import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'warning' | 'info';

// Errors and confirmations are announced (role alert/status) as well as shown.
export function Notice({ tone, children }: { readonly tone: Tone; readonly children: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
