/**
 * Lists the keywords that upstream keepalived's checker parser registers, by replaying the
 * install_keyword / install_sublevel calls of keepalived/check/*.c the way keepalived's parser.c nests them.
 *
 *   node --import tsx scripts/upstream-keywords-check.ts [--since]
 *
 * Without flags: prints `block-id keyword` for HEAD of the mirror (test/fixtures/upstream-keywords-check.txt).
 * With --since: prints `block-id keyword first-tag` for keywords first seen after the oldest tag checked
 * (test/fixtures/upstream-since-check.txt).
 *
 * Why an emulator and not grep: the same word (weight, retry, alpha, virtualhost ...) is registered in
 * several blocks, and which block gets it depends only on the call order and the sublevel depth.
 */
import { execFileSync } from 'node:child_process';

const MIRROR = process.env.KEEPALIVED_MIRROR ?? '/work/.mirror/acassen+keepalived/repo';
const FIRST_TAG = 'v1.2.1';

function git(...args: string[]): string {
  return execFileSync('git', ['-C', MIRROR, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

interface KwNode { name: string; children: KwNode[] }

interface CFunction { params: string[]; body: string }

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

/** Every top-level function `name(params) { body }` in keepalived's K&R-ish layout. */
function collectFunctions(src: string, into: Map<string, CFunction>): void {
  const header = /^(\w+)\s*\(([^)]*)\)\s*\{/gm;
  for (let m = header.exec(src); m; m = header.exec(src)) {
    const open = m.index + m[0].length - 1;
    const close = matchBrace(src, open);
    const params = m[2].split(',').map((p) => p.trim().split(/[\s*]+/).pop() ?? '').filter((p) => p && p !== 'void');
    into.set(m[1], { params, body: src.slice(open + 1, close) });
    header.lastIndex = close;
  }
}

function matchBrace(src: string, open: number): number {
  const pair: Record<string, string> = { '{': '}', '(': ')' };
  const opener = src[open];
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '"') { i = src.indexOf('"', i + 1); continue; }
    if (src[i] === opener) depth++;
    else if (src[i] === pair[opener] && --depth === 0) return i;
  }
  return src.length;
}

type Value = string | boolean | undefined;

/** Replays calls like parser.c: install_keyword adds to the last keyword `sublevel` levels below the last root. */
class Registry {
  readonly root: KwNode = { name: 'root', children: [] };
  private sublevel = 0;

  installRoot(name: string): void {
    this.root.children.push({ name, children: [] });
    this.sublevel = 0;
  }

  install(name: string): void {
    let node = this.root.children.at(-1);
    if (!node) return;
    for (let i = 0; i < this.sublevel; i++) node = node.children.at(-1) ?? node;
    node.children.push({ name, children: [] });
  }

  enter(): void { this.sublevel++; }
  leave(): void { this.sublevel--; }
}

function parseArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === ',' && depth === 0) { args.push(cur.trim()); cur = ''; continue; }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    cur += ch;
  }
  if (cur.trim()) args.push(cur.trim());
  return args;
}

function evalArg(arg: string, env: Map<string, Value>): Value {
  const lit = /^"([^"]*)"$/.exec(arg);
  if (lit) return lit[1];
  if (arg === 'true') return true;
  if (arg === 'false') return false;
  return env.get(arg);
}

/** true / false when the condition depends only on bound parameters; undefined means "take it". */
function evalCondition(cond: string, env: Map<string, Value>): boolean | undefined {
  const cmp = /^!\s*strcmp\s*\(\s*(\w+)\s*,\s*"([^"]*)"\s*\)$/.exec(cond.trim());
  if (cmp && typeof env.get(cmp[1]) === 'string') return env.get(cmp[1]) === cmp[2];
  const flag = /^(!?)\s*(\w+)$/.exec(cond.trim());
  if (flag && typeof env.get(flag[2]) === 'boolean') return (env.get(flag[2]) as boolean) !== (flag[1] === '!');
  return undefined;
}

function skipStatement(body: string, i: number): number {
  while (/\s/.test(body[i] ?? '')) i++;
  if (body[i] === '{') return matchBrace(body, i) + 1;
  return body.indexOf(';', i) + 1;
}

function run(fn: CFunction, args: Value[], fns: Map<string, CFunction>, reg: Registry, depth = 0): void {
  if (depth > 20) return;
  const env = new Map<string, Value>(fn.params.map((p, i) => [p, args[i]]));
  const body = fn.body;
  const token = /\b(if|install_keyword_root|install_keyword_quoted|install_keyword|install_sublevel_end|install_sublevel|\w+)\s*\(/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    const open = m.index + m[0].length - 1;
    const close = matchBrace(body, open);
    const inner = body.slice(open + 1, close);
    token.lastIndex = close + 1;
    switch (m[1]) {
      case 'if': {
        if (evalCondition(inner, env) === false) token.lastIndex = skipStatement(body, close + 1);
        break;
      }
      case 'install_keyword_root': {
        const name = evalArg(parseArgs(inner)[0], env);
        if (typeof name === 'string') reg.installRoot(name);
        break;
      }
      case 'install_keyword':
      case 'install_keyword_quoted': {
        const name = evalArg(parseArgs(inner)[0], env);
        if (typeof name === 'string') reg.install(name);
        break;
      }
      case 'install_sublevel': reg.enter(); break;
      case 'install_sublevel_end': reg.leave(); break;
      default: {
        const callee = fns.get(m[1]);
        if (callee && /install_/.test(callee.body)) run(callee, parseArgs(inner).map((a) => evalArg(a, env)), fns, reg, depth + 1);
      }
    }
  }
}

/** Keyword tree of the checker configuration at one git revision. */
export function checkerKeywordTree(rev: string): KwNode {
  const files = git('ls-tree', '--name-only', `${rev}:keepalived/check/`).split('\n').filter((f) => f.endsWith('.c'));
  const fns = new Map<string, CFunction>();
  for (const f of files) collectFunctions(stripComments(git('show', `${rev}:keepalived/check/${f}`)), fns);
  const entry = [...fns.values()].find((f) => /install_keyword_root\s*\(\s*"virtual_server"/.test(f.body));
  const reg = new Registry();
  if (entry) run(entry, [], fns, reg);
  return reg.root;
}

const FLAT_PARENTS = new Set(['root', 'virtual_server', 'real_server']);

/** `block-id keyword` pairs; block ids follow the schema: checker and top blocks by name, deeper ones as paths. */
export function blockKeywordPairs(root: KwNode): string[] {
  const out: string[] = [];
  const walk = (node: KwNode, id: string): void => {
    for (const child of node.children) {
      out.push(`${id} ${child.name}`);
      if (child.children.length) walk(child, FLAT_PARENTS.has(id) ? child.name : `${id}.${child.name}`);
    }
  };
  walk(root, 'root');
  return out;
}

/** Value blocks have no sub-keywords in the parser; they are opened by these keywords. */
export const VALUE_BLOCKS = ['virtual_server_group'];

function releaseTags(): string[] {
  const tags = git('tag', '--list', 'v*').split('\n').filter((t) => /^v\d+\.\d+\.\d+$/.test(t));
  const key = (t: string) => t.slice(1).split('.').map(Number);
  const cmp = (a: string, b: string) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return 0;
  };
  return tags.sort(cmp).filter((t) => cmp(t, FIRST_TAG) >= 0);
}

function main(): void {
  const head = [...new Set(blockKeywordPairs(checkerKeywordTree('HEAD')))];
  if (!process.argv.includes('--since')) {
    process.stdout.write(head.join('\n') + '\n');
    return;
  }
  const tags = releaseTags();
  const firstSeen = new Map<string, string>();
  for (const tag of tags) {
    for (const pair of blockKeywordPairs(checkerKeywordTree(tag))) if (!firstSeen.has(pair)) firstSeen.set(pair, tag);
  }
  // Registered on master but in no tag yet: it will first ship in the next patch release.
  const [major, minor, patch] = tags.at(-1)!.slice(1).split('.').map(Number);
  const unreleased = `v${major}.${minor}.${patch + 1}`;
  const lines = head
    .filter((pair) => firstSeen.get(pair) !== FIRST_TAG)
    .map((pair) => `${pair} ${(firstSeen.get(pair) ?? unreleased).slice(1)}`);
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) main();
