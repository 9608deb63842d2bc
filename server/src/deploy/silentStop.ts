// keepalived 2.2.5 to 2.2.7 end their own -t with SIGTERM on some valid configs (analysis/semantic/configTestStops.ts).

/** the exit status of a process killed by SIGTERM, as a shell reports it */
export const SIGTERM_STATUS = 143;

/**
 * What a -t that ends on SIGTERM means (rule config-test-stops), or undefined for any other outcome: keepalived
 * says nothing about it, so without this the user sees a failure and no reason.
 */
export function silentStopReason(exitCode: number): string | undefined {
  if (exitCode !== SIGTERM_STATUS) return undefined;
  return 'keepalived -t ended on SIGTERM, which keepalived 2.2.5 to 2.2.7 send themselves without a message when they check a script run as another user than root, whatever the rest of the config (config-test-stops; the daemon is not affected, 2.2.8 fixed -t)';
}
