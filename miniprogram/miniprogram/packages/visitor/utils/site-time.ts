// Visit windows are the plant's local time. China has one zone and no daylight saving, so a fixed
// +08:00 gives the same answer on a phone set to any zone (and in tests running in UTC).
const OFFSET_MS = 8 * 60 * 60_000;

const pad = (n: number): string => String(n).padStart(2, '0');

function parts(ms: number): { date: string; time: string; year: number } {
  const local = new Date(ms + OFFSET_MS);
  const year = local.getUTCFullYear();
  return {
    year,
    date: `${year}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

/** "2025-06-01" + "09:30" (as the date and time pickers give them) → epoch ms, or NaN. */
export function siteTime(date: string, time: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return Number.NaN;
  return (
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(clock[1]), Number(clock[2])) -
    OFFSET_MS
  );
}

export const siteDate = (ms: number): string => parts(ms).date;
export const siteClock = (ms: number): string => parts(ms).time;

/** "2025-06-01 09:30". */
export function formatDateTime(iso: string | number | null | undefined): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso ?? '');
  if (!Number.isFinite(ms)) return '';
  const { date, time } = parts(ms);
  return `${date} ${time}`;
}

/** "2025-06-01 09:00–11:30", or both ends in full when the window spans days. */
export function formatWindow(fromIso: string, untilIso: string): string {
  const from = Date.parse(fromIso);
  const until = Date.parse(untilIso);
  if (!Number.isFinite(from) || !Number.isFinite(until)) return '';
  const start = parts(from);
  const end = parts(until);
  return start.date === end.date
    ? `${start.date} ${start.time}–${end.time}`
    : `${start.date} ${start.time} – ${end.date} ${end.time}`;
}

/** The next whole half hour after `now`, as the form's default start. */
export function nextHalfHour(now: number): number {
  const step = 30 * 60_000;
  return Math.floor(now / step) * step + step;
}
