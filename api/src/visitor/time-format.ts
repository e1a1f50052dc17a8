// Plant-local (Asia/Shanghai) time for what people read: summaries, messages, "today".
const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000; // China keeps no daylight saving time.

const format = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-24 09:30", also the format WeChat's time keywords take; with `seconds`, "09:30:05". */
export function localDateTime(d: Date, seconds = false): string {
  const p = Object.fromEntries(format.formatToParts(d).map((x) => [x.type, x.value]));
  const ss = seconds ? `:${String(Math.floor((d.getTime() / 1000) % 60)).padStart(2, '0')}` : '';
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${ss}`;
}

/** "2026-11-24 09:30 至 11:30", or both dates when the window spans days. */
export function localWindow(from: Date, until: Date): string {
  const a = localDateTime(from);
  const b = localDateTime(until);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a} 至 ${b.slice(11)}` : `${a} 至 ${b}`;
}

/** The plant-local calendar day containing `now`, as [start, end). */
export function localDay(now: Date): { start: Date; end: Date } {
  const start = Math.floor((now.getTime() + OFFSET_MS) / 86_400_000) * 86_400_000 - OFFSET_MS;
  return { start: new Date(start), end: new Date(start + 86_400_000) };
}
