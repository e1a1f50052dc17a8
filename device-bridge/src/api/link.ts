/**
 * Whether the bridge can reach the API right now. Offline it keeps deciding from its cache, but turns
 * HARD anti-passback SOFT and marks each event `decidedOffline`. Today the health poll sets it; the
 * API sync extension will own it (online once its subscription is live, not merely when /health answers).
 */
export interface ApiLink {
  online: boolean;
}
