/**
 * Messages the linter leaves to keepalived on purpose (see messageTable.ts): they depend on the machine the
 * config runs on (interfaces, files, users, kernel features), which the linter cannot see from the text, or
 * they are echoes of a message the linter already answers on the same line.
 */
import type { SilentMessage } from './messageTable';

export const SILENT_MESSAGES: readonly SilentMessage[] = [
  { format: /doesn't exist|does not exist|[Nn]on-existent interface|Unknown interface|cannot find interface|interface .* not found/, reason: 'depends on the interfaces of the machine' },
  { format: /script_security|SECURITY VIOLATION|keepalived_script|[Uu]nable to set default user|Unable to get (uid|gid)|unknown user|unknown group/, reason: 'depends on the users, files and permissions of the machine' },
  { format: /%m/, reason: 'reports a failed system call (%m is its errno text): depends on the machine' },
];
