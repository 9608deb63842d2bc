/**
 * Messages the linter leaves to keepalived on purpose (see messageTable.ts): they depend on the machine the
 * config runs on (interfaces, files, users, kernel features), which the linter cannot see from the text, or
 * they are echoes of a message the linter already answers on the same line.
 */
import type { SilentMessage } from './messageTable';
import { GLOBAL_PARSER_SILENT } from './casesGlobalParser';
import { VRRP_PARSER_SILENT } from './casesVrrpParser';
import { VRRP_CORE_SILENT } from './casesVrrpCore';
import { ROUTES_SILENT } from './casesRoutes';
import { CHECKERS_SILENT } from './casesCheckers';
import { OUT_OF_REACH } from './outOfReach';

export const SILENT_MESSAGES: readonly SilentMessage[] = [
  { format: /[Ii]nterface.*(doesn't|does not) exist|[Nn]on-existent interface|[Uu]nknown interface|cannot find interface|interface .* not found/, reason: 'depends on the interfaces of the machine' },
  { format: /directory for %s does not exist/, reason: 'depends on the directories of the machine' },
  {
    format: "iptables not supported, using nftables instead. Please replace 'vrrp_iptables and 'vrrp_ipsets' with 'nftables' config option",
    reason: 'depends on how keepalived was built: a build with nftables and without iptables (Debian\'s, and both oracles) says so for every vrrp_iptables/vrrp_ipsets line; a build with iptables uses the chains',
  },
  {
    format: '(%s): linkbeat not supported for vmacs since netlink works',
    reason: 'depends on the interfaces of the machine: keepalived says so when a linkbeat_interfaces entry is a macvlan or ipvlan interface, which the config cannot tell from another one',
  },
  {
    format: 'Unable to find vrrp instance %s for lvs_syncd - clearing lvs_syncd config',
    reason: 'depends on the kernel: the VRRP process reaches this check only after it has set up IPVS, and on a kernel without the ip_vs module (as on the test machines) it fails first (2.4.3: "IPVS: Can\'t initialize ipvs", then a crash). The linter reports the unknown instance as undefined-reference',
  },
  { format: /script_security|SECURITY VIOLATION|keepalived_script|[Uu]nable to set default user|Unable to get (uid|gid)|unknown user|unknown group/, reason: 'depends on the users, files and permissions of the machine' },
  { format: /%m/, reason: 'reports a failed system call (%m is its errno text): depends on the machine' },
  { format: /[Kk]ernel (doesn't|does not) support|no kernel support|not supported by this build|in this build|[Yy]our kernel|not supported on this (system|kernel)/, reason: 'depends on the kernel, or on the features keepalived was built with' },
  { format: /cannot be opened|is readable by group|is not accessible|is read only or cannot be monitored|not a regular file|Unable to initialise track file|realpath for %s too long/, reason: 'depends on the files of the machine' },
  {
    format: /^(LST parameters: |    values: |SEQ: |%s$|%\.\*s$|Defn |Definition %s now|Opening file|Processing (seq|lst)|Removing (seq|lst)|read_line\(|Configuration file %s$|Config file |Parsing )/,
    reason: 'debug output (printed only with keepalived\'s dump and debug options), not a complaint',
  },
  {
    format: /config directory|disk file|conf_copy|config copy file|memfd|SELinux|restore previous directory|chdir\(|Failed to open configuration file|rewind config file|Unable to (read|find) configuration file|open problem/,
    reason: 'about keepalived\'s own file handling on the machine, not about the config text',
  },
  ...GLOBAL_PARSER_SILENT,
  ...VRRP_PARSER_SILENT,
  ...VRRP_CORE_SILENT,
  ...ROUTES_SILENT,
  ...CHECKERS_SILENT,
  ...OUT_OF_REACH,
];
