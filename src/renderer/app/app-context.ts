import { createContext, useContext } from 'react';
import type { OutputOf } from '../../shared/api/contract.ts';
import type { Route } from './routes.ts';

export type AppInfo = OutputOf<'app.info'>;
export type AgencyProfile = NonNullable<OutputOf<'profile.get'>>;

export interface AppContextValue {
  readonly info: AppInfo;
  readonly profile: AgencyProfile | null;
  readonly navigate: (route: Route) => void;
  // Bumped by Ctrl+K or "/": the screen that has a search box focuses it.
  readonly searchRequest: number;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
