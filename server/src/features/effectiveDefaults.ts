import { basePriority, startsAsMaster } from '../analysis/semantic/instanceMode';
import type { VrrpInstanceView } from '../syntax/views';

/**
 * What keepalived makes of an instance's unset priority and state (vrrp.c, vrrp_complete_instance):
 * no priority takes 255 with `state MASTER` and 100 otherwise; no state is MASTER at priority 255 and
 * BACKUP below. The analysis's reading (semantic/instanceMode.ts), for the editor's hints and lenses.
 */
export function effectivePriority(instance: VrrpInstanceView): number {
  return basePriority(instance);
}

export function effectiveState(instance: VrrpInstanceView): string {
  return startsAsMaster(instance) ? 'MASTER' : 'BACKUP';
}
