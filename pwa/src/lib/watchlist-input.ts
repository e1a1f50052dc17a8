import type { WatchlistInput } from '../gql/graphql';
import { localInputToIso } from './grant-window';
import { isValidIdNumber } from './validators';

export interface WatchlistValues {
  idNumber: string;
  name: string;
  reason: string;
  /** `<input type="datetime-local">`; empty means no end. */
  until: string;
}

export type WatchlistProblem =
  | 'walkIn.idNumberRequired'
  | 'walkIn.idNumberInvalid'
  | 'watchlist.reasonRequired'
  | 'watchlist.untilInvalid'
  | 'watchlist.untilPast';

export function emptyWatchlistEntry(): WatchlistValues {
  return { idNumber: '', name: '', reason: '', until: '' };
}

export function watchlistProblems(
  values: WatchlistValues,
  now = Date.now(),
): Partial<Record<keyof WatchlistValues, WatchlistProblem>> {
  const problems: Partial<Record<keyof WatchlistValues, WatchlistProblem>> = {};
  if (!values.idNumber.trim()) problems.idNumber = 'walkIn.idNumberRequired';
  else if (!isValidIdNumber(values.idNumber)) problems.idNumber = 'walkIn.idNumberInvalid';
  if (!values.reason.trim()) problems.reason = 'watchlist.reasonRequired';
  if (values.until.trim()) {
    const until = Date.parse(localInputToIso(values.until) ?? '');
    if (Number.isNaN(until)) problems.until = 'watchlist.untilInvalid';
    else if (until <= now) problems.until = 'watchlist.untilPast';
  }
  return problems;
}

export function toWatchlistInput(values: WatchlistValues): WatchlistInput {
  return {
    idNumber: values.idNumber.trim().toUpperCase(),
    name: values.name.trim() || null,
    reason: values.reason.trim(),
    until: localInputToIso(values.until),
  };
}
