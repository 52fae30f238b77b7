import { useEffect, useState } from 'react';

// `value` once it has stayed the same for `ms`: what a query asks for while the clerk types, so
// a pause, not every key, asks the server. Compared by content (plain JSON values only), so a
// render that rebuilds an equal object restarts nothing.
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
