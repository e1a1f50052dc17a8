import type { GateCache, GatePatch } from '@park/core';

/** A device command as the API's sync stream hands it over (SyncCommand in schema.graphql). */
export interface RemoteCommand {
  id: string;
  deviceCode: string;
  kind: 'OPEN' | 'LOCK' | 'UNLOCK' | 'RESYNC';
  reason: string;
  requestedBy: string | null;
  expiresAt: string;
}

/** One message of `deviceSync` (DeviceSyncMessage in schema.graphql). */
export interface SyncMessage {
  cursor: string;
  snapshot: GateCache | null;
  patch: GatePatch | null;
  commands: RemoteCommand[];
}

export const DEVICE_SYNC = `subscription($site:String!,$cursor:String){deviceSync(siteId:$site,cursor:$cursor){
  cursor snapshot patch commands{id deviceCode kind reason requestedBy expiresAt}}}`;
