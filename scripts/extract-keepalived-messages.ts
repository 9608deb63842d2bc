/**
 * Lists the messages keepalived can print about a config: every report_config_error (and file_config_error) call in lib/parser.c,
 * keepalived/core, vrrp, check, bfd (and trackers), plus the log_message calls of the parsers, with the
 * format string and file:line, for one source tree. The message table (test/oracle/messages/) is checked
 * against these lists, so the coverage it claims is counted over every call site.
 *
 * Usage: node --import tsx scripts/extract-keepalived-messages.ts VERSION SOURCE_DIR
 *   2.4.3: unpack ../shared/oracle/keepalived-2.4.3.tar.gz; 2.2.7: `git archive v2.2.7 lib keepalived` of the
 *   upstream mirror. Writes test/oracle/messages/sites-VERSION.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface MessageSite {
  /** the format string, adjacent literals joined, PRI macros shown as their conversion */
  format: string;
  /** source file relative to the tree, and 1-based line of the call */
  file: string;
  line: number;
  call: 'report_config_error' | 'file_config_error' | 'log_message';
}

const DIRS = ['lib/parser.c', 'keepalived/core', 'keepalived/vrrp', 'keepalived/check', 'keepalived/bfd', 'keepalived/trackers'];
/** log_message is mostly run time; in the parsers it is config time. */
const PARSER_FILE = /(^|\/)(parser|[a-z_]*_parser)\.c$/;

function cFiles(root: string, entry: string): string[] {
  const path = join(root, entry);
  if (entry.endsWith('.c')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? cFiles(root, join(entry, d.name)) : d.name.endsWith('.c') ? [join(path, d.name)] : []));
}

/** The arguments text of a call starting at `open` (the index of its '('), up to the matching ')'. */
function callText(src: string, open: number): string {
  let depth = 0;
  let inString = false;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return src.slice(open + 1, i);
  }
  return src.slice(open + 1);
}

const PRI: Record<string, string> = { PRIu64: 'lu', PRIi64: 'ld', PRId64: 'ld', PRIu32: 'u', PRIx64: 'lx', PRIu16: 'u', PRIu8: 'u' };

/** The format: the run of string literals (and PRI macros) that is the call's first string argument. */
function formatOf(args: string): string | undefined {
  const start = args.indexOf('"');
  if (start < 0) return undefined;
  let out = '';
  let i = start;
  for (;;) {
    while (/\s/.test(args[i] ?? '')) i++;
    if (args[i] === '"') {
      let j = i + 1;
      while (j < args.length && args[j] !== '"') j += args[j] === '\\' ? 2 : 1;
      out += args.slice(i + 1, j);
      i = j + 1;
      continue;
    }
    const macro = /^[A-Z][A-Za-z0-9_]*/.exec(args.slice(i));
    if (macro && PRI[macro[0]] !== undefined) {
      out += PRI[macro[0]];
      i += macro[0].length;
      continue;
    }
    return out.replace(/\\"/g, '"').replace(/\\t/g, '\t').replace(/\\n/g, '');
  }
}

export function extractSites(root: string): MessageSite[] {
  const sites: MessageSite[] = [];
  for (const path of DIRS.flatMap((d) => cFiles(root, d)).sort()) {
    const src = readFileSync(path, 'utf8');
    const file = relative(root, path);
    const calls = PARSER_FILE.test(file) ? /\b(report_config_error|file_config_error|log_message)\s*\(/g : /\b(report_config_error|file_config_error)\s*\(/g;
    for (const m of src.matchAll(calls)) {
      const before = src.slice(src.lastIndexOf('\n', m.index) + 1, m.index);
      if (/^\s*(\/\/|\*)/.test(before) || /\b(void|static)\b/.test(before)) continue; // comments, definitions
      const format = formatOf(callText(src, m.index! + m[0].length - 1));
      if (format === undefined) continue;
      sites.push({ format, file, line: src.slice(0, m.index).split('\n').length, call: m[1] as MessageSite['call'] });
    }
  }
  return sites;
}

if (require.main === module) {
  const [version, root] = process.argv.slice(2);
  if (!version || !root) throw new Error('usage: extract-keepalived-messages.ts VERSION SOURCE_DIR');
  const sites = extractSites(root);
  const out = join(__dirname, '..', 'test', 'oracle', 'messages', `sites-${version}.json`);
  writeFileSync(out, JSON.stringify(sites, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`${sites.length} message sites (${new Set(sites.map((s) => s.format)).size} distinct formats) -> ${out}`);
}
