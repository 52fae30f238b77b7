import { useEffect } from 'react';

// Forms holding typed-but-unsaved input register here while they do; app-wide navigation
// (shortcuts, sidebar, links) asks the clerk before leaving them.
const dirtyForms = new Set<object>();

export function useUnsavedChanges(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const form = {};
    dirtyForms.add(form);
    return () => {
      dirtyForms.delete(form);
    };
  }, [dirty]);
}

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0;
}
