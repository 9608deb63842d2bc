// Lines keepalived reads a second time to split a command or pattern with quotes (lib/parser.c's
// alloc_strvec_quoted): a '\' ending such a line escapes nothing, so that second reading fails ("Missing escape
// char at end"). Three handlers then use the missing result and crash their process, which keepalived restarts
// over and over (checked with 2.2.7 and 2.4.3: keepalived -t notices nothing); the notify scripts are dropped.
import type { ConfigFile, Statement } from '../syntax';
import { allBlockSpecs } from '../schema';
import { compareVersions } from './versions';

export type Reread = { effect: 'crash'; process: 'VRRP' | 'checker'; what: string } | { effect: 'dropped' };

/** keyword (under its block's keyword) → the process whose handler crashes (vrrp_parser.c, check_misc.c, check_http.c) */
const CRASHING: Record<string, { parent: string; process: 'VRRP' | 'checker'; what: string }> = {
  script: { parent: 'vrrp_script', process: 'VRRP', what: 'script' },
  misc_path: { parent: 'MISC_CHECK', process: 'checker', what: 'program' },
  regex: { parent: 'url', process: 'checker', what: 'pattern' },
};

let commandKeywords: Set<string> | undefined;

/** keywords whose value is a command line: keepalived hands them to notify_script_init, which drops what it cannot split */
function isCommandKeyword(name: string): boolean {
  if (!commandKeywords) {
    commandKeywords = new Set();
    for (const block of allBlockSpecs()) for (const spec of block.keywords) if (spec.args[0]?.type.kind === 'command') commandKeywords.add(spec.name);
  }
  return commandKeywords.has(name);
}

export function rereadEffect(statement: Statement): Reread | undefined {
  const crashing = CRASHING[statement.name];
  if (crashing) return statement.parent?.name === crashing.parent ? { effect: 'crash', process: crashing.process, what: crashing.what } : undefined;
  return isCommandKeyword(statement.name) ? { effect: 'dropped' } : undefined;
}

/** until 2.3.2 keepalived split a vrrp_script's script a second time reading escapes (alloc_strvec_quoted_escaped) */
const SCRIPT_REREAD_WITHOUT_ESCAPES_SINCE = '2.3.2';

/**
 * A vrrp_script's script ending in an escaped backslash (`\\`): the first split leaves one '\', which the
 * second split of releases before 2.3.2 reads as escaping nothing, so the script is dropped ("No script set",
 * checked with 2.2.7; 2.4.3 runs a program whose name ends in '\'). The message, or undefined.
 */
export function droppedEscapedScript(file: ConfigFile, line: number, keepalivedVersion: string): string | undefined {
  if (compareVersions(keepalivedVersion, SCRIPT_REREAD_WITHOUT_ESCAPES_SINCE) >= 0) return undefined;
  const statement = statementOnLine(file, line);
  if (statement?.name !== 'script' || statement.parent?.name !== 'vrrp_script') return undefined;
  const name = statement.parent.args[0]?.text ?? '';
  return `keepalived ${keepalivedVersion} splits this script a second time, where the '\\' the first split leaves escapes nothing: it drops the script ("No script set for vrrp_script ${name}"), and the instances tracking it go on without it. End the line otherwise`;
}

/** the statement whose keyword starts on `line` (0-based), searched only for the rare line that needs it */
export function statementOnLine(file: ConfigFile, line: number): Statement | undefined {
  const visit = (list: readonly Statement[]): Statement | undefined => {
    for (const s of list) {
      const start = s.keyword.range.start.line;
      if (start === line) return s;
      if (start > line) return undefined;
      if (s.block && s.range.end.line >= line) {
        const found = visit(s.block.statements);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(file.statements);
}
