/**
 * The messages keepalived prints about a config, each with its counterpart in the linter. The call sites come
 * from keepalived's source (sites-VERSION.json, written by scripts/extract-keepalived-messages.ts); the cases
 * (cases.ts) give, for a message, a minimal config that makes the real binary print it and the linter finding
 * that answers it; machine.ts gives the messages the linter leaves alone on purpose, and why.
 * messages.test.ts holds both binaries and the linter to the cases; scripts/generate-messages-doc.ts writes
 * docs/keepalived-messages.md from the same data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MESSAGE_VERSIONS = ['2.2.7', '2.4.3'] as const;
export type MessageVersion = (typeof MESSAGE_VERSIONS)[number];

export interface MessageSite {
  format: string;
  file: string;
  line: number;
  call: 'report_config_error' | 'file_config_error' | 'log_message';
}

export interface MessageCase {
  /** the format strings (as in keepalived's source) this case makes keepalived print; several when versions word it differently */
  formats: readonly string[];
  /** the minimal config, one string per line */
  config: readonly string[];
  /** 1-based line the linter reports; keepalived reports the same unless `keepalivedLine` says otherwise */
  line: number;
  /** the line keepalived prints with the message, or null when it prints none (a check after parsing); per release where they differ */
  keepalivedLine?: number | null | Partial<Record<MessageVersion, number | null>>;
  /** the linter's code for it, and its severity */
  code: string;
  severity: 'error' | 'warning';
  /** what the finding's message must say too (for example which of two values keepalived keeps) */
  says?: RegExp;
  configId?: string;
  /** releases whose source has a listed format but where this config does not reach it */
  notIn?: readonly MessageVersion[];
  /**
   * releases whose `keepalived -t` skips the check (it needs an interface's flags, which only the running daemon
   * reads) while the daemon makes it: there the linter must report the case without the binary printing it
   */
  runtimeOnly?: readonly MessageVersion[];
  /** the message is one keepalived only logs while it reads the config (log_message): the case starts the daemon */
  daemon?: true;
  /**
   * releases that do the same without a word, not even from the daemon (an older release that had not yet added
   * the message): there too the linter must report the case, and the binary must print nothing
   */
  silentIn?: readonly MessageVersion[];
}

/** A message the linter leaves to keepalived on purpose: it depends on the machine, or is not about a config. */
export interface SilentMessage {
  /** the format string, or a pattern over format strings */
  format: string | RegExp;
  reason: string;
}

const here = import.meta.dirname;

export function sites(version: MessageVersion): MessageSite[] {
  return JSON.parse(readFileSync(join(here, `sites-${version}.json`), 'utf8')) as MessageSite[];
}

/** A format string as a pattern over the printed text: each conversion matches any text. */
export function formatPattern(format: string): RegExp {
  const parts = format.split(/%[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|z|j|t|L)?[diouxXscpfgeEm%]/);
  return new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?') + '$', 's');
}

export const silentReason = (silent: readonly SilentMessage[], format: string): string | undefined =>
  silent.find((s) => (typeof s.format === 'string' ? s.format === format : s.format.test(format)))?.reason;
