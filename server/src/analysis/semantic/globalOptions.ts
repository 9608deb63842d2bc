// global_defs keywords whose words are options the schema's argument types cannot describe: keepalived's
// handlers (global_parser.c) read them word by word, and so does this. Each finding answers one of their
// messages (docs/keepalived-messages.md).
import type { Statement, Word } from '../../syntax';
import { ipFamily } from '../ipFamily';
import { nftablesTableName } from './nftablesNames';
import { startupShutdownScript } from './startupScripts';
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';
import { compareVersions } from '../versions';
import { includeCheckFindings } from './includeCheck';

type Finding = Omit<FileDiagnostic, 'file'>;

export function checkGlobalOptions(unit: ConfigUnit, keepalivedVersion: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const { file, item } of collect(unit, 'globalDefs')) {
    for (const s of item.block?.statements ?? []) {
      const check = OPTION_CHECKS.get(s.name);
      if (check) for (const finding of check(s, keepalivedVersion)) out.push({ file, ...finding });
    }
  }
  return out;
}

const OPTION_CHECKS = new Map<string, (s: Statement, keepalivedVersion: string | undefined) => Finding[]>([
  ['lvs_sync_daemon', lvsSyncDaemon],
  ['vrrp_rx_bufs_policy', rxBufsPolicy],
  ['umask', umask],
  ...['process_name', 'vrrp_process_name', 'checker_process_name', 'lvs_process_name', 'bfd_process_name'].map((name) => [name, processName] as const),
  ['notification_email', notificationEmail],
  ['lvs_timeouts', lvsTimeouts],
  ['include_check', (s) => includeCheckFindings(s)],
  ['nftables', nftablesTableName],
  ['nftables_ipvs', nftablesTableName],
  ['startup_script', startupShutdownScript],
  ['shutdown_script', startupShutdownScript],
]);

const isUnsigned = (text: string | undefined, min: number, max: number) => text !== undefined && /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;

const error = (word: Word | Statement, code: FileDiagnostic['code'], message: string): Finding => ({ range: ('keyword' in word ? word.keyword : word).range, severity: 'error', code, message });

const LVS_TIMEOUT_OPTIONS = new Set(['tcp', 'tcpfin', 'udp']);
const LVS_TIMEOUT_MAX = 86400 * 31;

/**
 * `lvs_timeouts tcp N tcpfin N udp N`, in any order: keepalived skips an option without a valid value and keeps
 * the others. The schema checks the first pair; this reads the rest.
 */
function lvsTimeouts(s: Statement): Finding[] {
  const out: Finding[] = [];
  const words = s.args;
  for (let i = 2; i < words.length; i++) {
    const option = words[i].text;
    if (!LVS_TIMEOUT_OPTIONS.has(option)) {
      out.push(error(words[i], 'invalid-value', `'${option}' is no option of lvs_timeouts (tcp, tcpfin or udp): keepalived ignores it`));
      continue;
    }
    const value = words[++i];
    if (!value) out.push(error(words[i - 1], 'argument-count', `lvs_timeouts ${option} needs a number of seconds: keepalived ignores it`));
    else if (!isUnsigned(value.text, 0, LVS_TIMEOUT_MAX)) out.push(error(value, 'invalid-number', `lvs_timeouts ${option} '${value.text}' is not a number of seconds from 0 to ${LVS_TIMEOUT_MAX}: keepalived ignores it`));
  }
  return out;
}

/** the numeric options of lvs_sync_daemon and their ranges (maxlen: an IPv4 UDP payload) */
const SYNC_NUMBERS = new Map<string, [min: number, max: number]>([['id', [0, 255]], ['maxlen', [1, 65535 - 20 - 8]], ['port', [1, 65535]], ['ttl', [1, 255]]]);

/** `lvs_sync_daemon IFACE [inst NAME] [id N] [maxlen N] [port N] [ttl N] [group ADDR]`, or the old `IFACE NAME [SYNCID]` */
function lvsSyncDaemon(s: Statement): Finding[] {
  const out: Finding[] = [];
  const words = s.args;
  // the old form names the instance right after the interface; keepalived keeps the first instance named
  let instance = words[1] && positionalInstance(words[1].text) ? words[1] : undefined;
  for (let i = 1; i < words.length; i++) {
    const option = words[i].text;
    const value = words[i + 1];
    const range = SYNC_NUMBERS.get(option);
    if (option === 'inst' || range || option === 'group') {
      if (option === 'inst' && instance) {
        out.push({ range: words[i].range, severity: 'warning', code: 'duplicate-keyword', message: `lvs_sync_daemon names its instance already (${instance.text}): keepalived ignores this inst` });
      } else if (option === 'inst') instance = value;
      if (!value) {
        out.push(error(words[i], 'argument-count', `lvs_sync_daemon ${option} needs a value: keepalived ${option === 'id' ? 'takes the VRID instead' : 'ignores it'}`));
        continue;
      }
      i++;
      if (range) {
        const [min, max] = range;
        if (!isUnsigned(value.text, min, max)) out.push(error(value, 'invalid-number', `lvs_sync_daemon ${option} '${value.text}' is not a number from ${min} to ${max}: keepalived ${option === 'id' ? 'takes the VRID instead' : 'ignores it'}`));
      } else if (option === 'group') {
        const family = ipFamily(value.text);
        if (!family) out.push(error(value, 'invalid-address', `lvs_sync_daemon group '${value.text}' is not an address: keepalived ignores it`));
        else if (!isMulticast(value.text, family)) out.push(error(value, 'invalid-address', `lvs_sync_daemon group ${value.text} is not a multicast address: keepalived ignores it`));
      }
      continue;
    }
    // the old positional form: the instance name, then the sync id
    if (i === 1) continue;
    if (i === 2) {
      if (!isUnsigned(option, 0, 255)) out.push(error(words[i], 'invalid-number', `'${option}' is not a sync id from 0 to 255: keepalived takes the VRID instead`));
      else out.push({ range: words[i].range, severity: 'warning', code: 'deprecated', message: `Write the sync id as 'id ${option}': keepalived still reads it here, and says so` });
      continue;
    }
    out.push(error(words[i], 'invalid-value', `'${option}' is not an lvs_sync_daemon option (inst, id, maxlen, port, ttl, group): keepalived ignores it`));
  }
  return out;
}

/** the instance lvs_sync_daemon names (`inst NAME`, or the old form's word after the interface): the first one keepalived keeps */
export function lvsSyncInstance(s: Statement): Word | undefined {
  const words = s.args;
  if (words[1] && positionalInstance(words[1].text)) return words[1];
  const at = words.findIndex((w, i) => i > 0 && w.text === 'inst');
  return at > 0 ? words[at + 1] : undefined;
}

/** whether the word after the interface is the old form's instance name (any word that is no option) */
function positionalInstance(word: string): boolean {
  return word !== 'inst' && !SYNC_NUMBERS.has(word) && word !== 'group';
}

function isMulticast(address: string, family: 4 | 6): boolean {
  if (family === 6) return address.toLowerCase().startsWith('ff');
  const first = Number(address.split('.')[0]);
  return first >= 224 && first <= 239;
}

/**
 * `vrrp_rx_bufs_policy MTU|ADVERT|BYTES...`: keepalived takes MTU and ADVERT in any case, and for any other
 * word reads the first word as a number of bytes.
 */
function rxBufsPolicy(s: Statement): Finding[] {
  const words = s.args;
  if (words.length === 0) return [error(s, 'argument-count', 'vrrp_rx_bufs_policy needs MTU, ADVERT or a size in bytes: keepalived ignores it')];
  const sizeReadable = isUnsigned(words[0].text, 0, 4294967295);
  const policies = new Set<string>(words.map((w) => w.text.toUpperCase()).filter((w) => w === 'MTU' || w === 'ADVERT'));
  const out = words
    .filter((w) => !['MTU', 'ADVERT'].includes(w.text.toUpperCase()) && !sizeReadable)
    .map((w) => error(w, 'invalid-value', `'${w.text}' is neither MTU, ADVERT nor a size in bytes: keepalived ignores it`));
  // keepalived reads every other word as the size (its first word, whatever it is)
  const hasSize = sizeReadable && words.some((w) => !policies.has(w.text.toUpperCase()));
  const ignored = (what: string) => ({ range: s.keyword.range, severity: 'warning' as const, code: 'ineffective-setting' as const, message: `vrrp_rx_bufs_policy: ${what}` });
  if (hasSize && policies.size > 0) out.push(ignored(`a size and ${[...policies].join(' and ')}: keepalived keeps the size and ignores the policy`));
  else if (policies.size === 2) out.push(ignored('MTU and ADVERT: keepalived keeps MTU and ignores ADVERT'));
  return out;
}

/** the kernel keeps a process name of at most 15 characters (TASK_COMM_LEN less its terminating zero) */
const PROCESS_NAME_MAX = 15;

function processName(s: Statement): Finding[] {
  const name = s.args[0];
  if (!name || name.text.length <= PROCESS_NAME_MAX) return [];
  return [{ range: name.range, severity: 'warning', code: 'invalid-value', message: `A process name has at most ${PROCESS_NAME_MAX} characters: keepalived says so and uses '${name.text.slice(0, PROCESS_NAME_MAX)}'` }];
}

const UMASK_BITS = ['IRUSR', 'IWUSR', 'IXUSR', 'IRGRP', 'IWGRP', 'IXGRP', 'IROTH', 'IWOTH', 'IXOTH'];
/** the names for all three bits of one class came with keepalived 2.2.8 */
const UMASK_CLASS_BITS = ['IRWXU', 'IRWXG', 'IRWXO'];
const UMASK_CLASS_BITS_SINCE = '2.2.8';

function notificationEmail(s: Statement): Finding[] {
  if (!s.block || s.block.statements.length > 0) return [];
  return [{ range: s.keyword.range, severity: 'warning', code: 'ineffective-setting', message: 'notification_email lists no address: keepalived warns and sends no mail' }];
}

/** `umask NUMBER` (C's strtol: 0 octal, 0x hex, else decimal; at most 0777) or bit names joined by '|' */
function umask(s: Statement, keepalivedVersion: string | undefined): Finding[] {
  const classBits = !keepalivedVersion || compareVersions(keepalivedVersion, UMASK_CLASS_BITS_SINCE) >= 0;
  const known = classBits ? [...UMASK_BITS, ...UMASK_CLASS_BITS] : UMASK_BITS;
  const words = s.args;
  if (words.length === 0) return []; // the schema's argument-count
  if (/^\d/.test(words[0].text)) {
    const text = words[0].text;
    const value = /^0x[0-9a-f]+$/i.test(text) ? parseInt(text, 16) : /^0[0-7]*$/.test(text) ? parseInt(text, 8) : /^[1-9]\d*$/.test(text) ? Number(text) : NaN;
    if (!(value >= 0 && value <= 0o777)) return [error(words[0], 'invalid-value', `umask ${text} is not a mode from 0 to 0777 (0 for octal, 0x for hex): keepalived ignores it`)];
    if (words.length > 1) return [error(words[1], 'argument-count', 'umask takes one number: keepalived ignores the whole line')];
    return [];
  }
  let needOr = false;
  for (const w of words) {
    for (let p = 0; p < w.text.length; ) {
      if (needOr) {
        if (w.text[p] !== '|') return [error(w, 'invalid-value', `umask ${w.text}: bit names must be joined by '|': keepalived ignores the line`)];
        needOr = false;
        p++;
        continue;
      }
      const bit = w.text.slice(p, p + 5);
      if (!known.includes(bit)) {
        const later = UMASK_CLASS_BITS.includes(bit) ? ` (keepalived knows ${bit} from ${UMASK_CLASS_BITS_SINCE} on)` : '';
        return [error(w, 'invalid-value', `umask bit '${w.text.slice(p)}' is none of ${known.join(', ')}${later}: keepalived ignores the line`)];
      }
      p += 5;
      needOr = true;
    }
  }
  return needOr ? [] : [error(words[words.length - 1], 'invalid-value', "umask ends without a bit name after '|': keepalived ignores the line")];
}
