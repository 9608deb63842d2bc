import type { VrrpInstanceView } from '../syntax/views';

/**
 * What keepalived makes of an instance's unset priority and state (vrrp.c, vrrp_complete_instance):
 * no priority takes 255 with `state MASTER` and 100 otherwise; no state is MASTER at priority 255 and
 * BACKUP below.
 */
export function effectivePriority(instance: VrrpInstanceView): number {
  return instance.priority?.value ?? (instance.state?.value === 'MASTER' ? 255 : 100);
}

export function effectiveState(instance: VrrpInstanceView): string {
  return instance.state?.value ?? (effectivePriority(instance) === 255 ? 'MASTER' : 'BACKUP');
}
