import type { SessionPerson } from './auth';

/** An account without a linked person (not expected for WeChat logins) still gets a greeting. */
export function displayName(me: SessionPerson): string {
  return me.person?.name || me.username;
}
