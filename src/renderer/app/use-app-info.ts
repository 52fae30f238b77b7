import { useCallback, useEffect, useRef, useState } from 'react';
import type { Direction } from '../../shared/api/schemas/series.ts';
import { errorMessage } from '../api/api-error.ts';
import { call } from '../api/client.ts';
import { DEFAULT_FILTERS, type ListFilters } from '../screens/register/list-filters.ts';
import type { AgencyProfile, AppInfo } from './app-context.ts';

const INTEGRITY_POLL_MS = 3000;
// A backstop for a window that stays in front all night and so never regains focus.
const INFO_REFRESH_MS = 15 * 60_000;

type AllListFilters = Record<Direction, ListFilters>;

// A list still showing the year it opened on follows the calendar into the new year; a year the
// clerk chose (or "Tất cả") is kept.
function followYear(all: AllListFilters, from: string, to: string): AllListFilters {
  const move = (f: ListFilters) => (f.year === from ? { ...f, year: to } : f);
  return { incoming: move(all.incoming), outgoing: move(all.outgoing) };
}

// app.info (the server's today in Vietnam time, the integrity state) and the agency profile.
// app.info is asked again whenever the window comes back into view, so a window left open
// overnight moves on to the new day: the lists' default year, the export year and anything else
// reading info.today.
export function useAppInfo() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [profile, setProfile] = useState<AgencyProfile | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Registers are kept per year, so the lists open on this year's; "Tất cả" shows every year.
  const [listFilters, setListFilters] = useState<AllListFilters | null>(null);
  const knownToday = useRef<string | null>(null);

  const applyInfo = useCallback((next: AppInfo) => {
    const before = knownToday.current;
    knownToday.current = next.today;
    // An unchanged answer keeps the same object, so the screens do not re-render for nothing.
    setInfo((current) => (current && JSON.stringify(current) === JSON.stringify(next) ? current : next));
    const year = next.today.slice(0, 4);
    if (before === null) {
      const thisYear = { ...DEFAULT_FILTERS, year };
      setListFilters((current) => current ?? { incoming: thisYear, outgoing: thisYear });
    } else if (before.slice(0, 4) !== year) {
      setListFilters((all) => all && followYear(all, before.slice(0, 4), year));
    }
  }, []);

  const reload = useCallback(async () => {
    try {
      const [nextInfo, nextProfile] = await Promise.all([call('app.info', {}), call('profile.get', {})]);
      applyInfo(nextInfo);
      setProfile(nextProfile);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [applyInfo]);

  // A background refresh: when it fails the screen keeps what it has and the next one retries.
  const refreshInfo = useCallback(() => {
    call('app.info', {})
      .then(applyInfo)
      .catch(() => undefined);
  }, [applyInfo]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The database check runs in the background after start and after a restore; ask again until
  // it has an answer.
  const integrity = info?.integrity;
  useEffect(() => {
    if (integrity !== 'unchecked' && integrity !== 'running') return;
    const timer = setTimeout(refreshInfo, INTEGRITY_POLL_MS);
    return () => clearTimeout(timer);
  }, [integrity, info, refreshInfo]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'visible') refreshInfo();
    };
    window.addEventListener('focus', refreshInfo);
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(refreshInfo, INFO_REFRESH_MS);
    return () => {
      window.removeEventListener('focus', refreshInfo);
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, [refreshInfo]);

  return { info, profile, loadError, reload, listFilters, setListFilters };
}
