import { formatDateTime } from './format';

const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (date: Date): string => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** "09:00–17:30" for a visit inside one day, the full dates otherwise; local time, as the plant reads it. */
export function visitWindowText(visit: { validFrom: string; validUntil: string }): string {
  const from = new Date(visit.validFrom);
  const until = new Date(visit.validUntil);
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime())) return '';
  if (from.toDateString() === until.toDateString()) {
    const day =
      from.toDateString() === new Date().toDateString()
        ? ''
        : `${formatDateTime(visit.validFrom).slice(5, 10)} `;
    return `${day}${hhmm(from)}–${hhmm(until)}`;
  }
  return `${formatDateTime(visit.validFrom)} – ${formatDateTime(visit.validUntil)}`;
}
