/**
 * The cluster file (keepalived-cluster.json): which hosts get which config, how to reach them.
 * Pure: text in, typed spec or positioned errors out. Every string that later reaches a remote
 * shell is checked here too, so a hostile value is refused before any connection is made.
 */
import * as path from 'node:path';
// The ES module build: the package's default UMD build hides its requires from esbuild, and the bundles then fail at load.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { ipFamily } from '../analysis/ipFamily';
import { LineIndex } from '../syntax/position';

export const CLUSTER_FILE_NAME = 'keepalived-cluster.json';
export const DEFAULT_REMOTE_CONFIG = '/etc/keepalived/keepalived.conf';
export const DEFAULT_SCRIPT_PATH = '/usr/local/sbin/lvs-realserver.sh';
/** systemd where present, otherwise the SysV/OpenRC service script */
export const DEFAULT_RELOAD_COMMAND =
  'if command -v systemctl >/dev/null 2>&1; then systemctl reload keepalived; else service keepalived reload; fi';
/** used by a rollback when the reload cannot bring keepalived back (a stopped service does not reload) */
export const DEFAULT_RESTART_COMMAND =
  'if command -v systemctl >/dev/null 2>&1; then systemctl restart keepalived; else service keepalived restart; fi';

export interface Position {
  /** 0-based */
  line: number;
  /** 0-based, in UTF-16 code units like LSP */
  character: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export interface JumpHostSpec {
  host: string;
  port: number;
  user: string;
  hostKey?: string;
}

export interface SshOptionsSpec {
  identityFile?: string;
  /** true: SSH_AUTH_SOCK; a string: that socket path; false: never */
  agent: boolean | string;
  jumpHost?: JumpHostSpec;
  knownHostsFile?: string;
  connectTimeoutSeconds: number;
  commandTimeoutSeconds: number;
}

/** How to reach one host over SSH (a jump host too). */
export interface SshTarget {
  name: string;
  host: string;
  port: number;
  user: string;
  /** pinned fingerprint, "SHA256:..." as ssh-keygen -lf prints it */
  hostKey?: string;
  identityFile?: string;
  /** ask for a password instead of (or after) keys */
  password: boolean;
}

export interface HostSpec extends SshTarget {
  /** where the object sits in the file, for messages */
  span: Span;
}

export interface DirectorSpec extends HostSpec {
  kind: 'director';
  /** absolute local path of the workspace config that goes to this director */
  config: string;
  remotePath: string;
  reloadCommand: string;
  /** run by a rollback when, after the reload, keepalived is not active (or the reload failed) */
  restartCommand: string;
  /** explicit role; otherwise taken from the config's vrrp_instance state */
  role?: 'MASTER' | 'BACKUP';
}

export interface RealServerSpec extends HostSpec {
  kind: 'realServer';
  scriptPath: string;
  /** explicit VIPs; otherwise those of the DR virtual_servers in the directors' configs */
  vips?: string[];
}

export interface ClusterSpec {
  baseDir: string;
  ssh: SshOptionsSpec;
  directors: DirectorSpec[];
  realServers: RealServerSpec[];
}

export interface ClusterFileError {
  message: string;
  span: Span;
}

export type ClusterFileResult = { ok: true; spec: ClusterSpec } | { ok: false; errors: ClusterFileError[] };

/** host names per RFC 1123 labels, or an IPv4/IPv6 literal; nothing a shell or ssh option parser could misread */
export function isValidHost(host: string): boolean {
  if (ipFamily(host) !== 0) return true;
  return host.length <= 253 && /^(?!-)[A-Za-z0-9-]{1,63}(\.(?!-)[A-Za-z0-9-]{1,63})*\.?$/.test(host);
}

const USER_RE = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
const FINGERPRINT_RE = /^SHA256:[A-Za-z0-9+/]{43}$/;
const NAME_RE = /^[A-Za-z0-9_.-]{1,64}$/;

/** Offsets (UTF-16 code units, as jsonc-parser gives them) to 0-based line/character positions. */
function spanMaker(text: string): (offset: number, length: number) => Span {
  const lines = new LineIndex(text);
  return (offset, length) => lines.rangeOf(offset, offset + length);
}

/** The library names its errors in CamelCase; users get a sentence. */
function syntaxMessage(e: ParseError, text: string): string {
  const token = text.slice(e.offset, e.offset + Math.max(e.length, 1));
  switch (printParseErrorCode(e.error)) {
    case 'InvalidSymbol':
      return `unexpected character '${token[0]}'`;
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'invalid number';
    case 'PropertyNameExpected':
      return 'expected a property name in double quotes';
    case 'ValueExpected':
      return e.offset >= text.length ? 'unexpected end of file' : `unexpected character '${token[0]}'`;
    case 'ColonExpected':
      return "expected ':' after the property name";
    case 'CommaExpected':
      return "expected ','";
    case 'CloseBraceExpected':
      return "expected ',' or '}'";
    case 'CloseBracketExpected':
      return "expected ',' or ']'";
    case 'EndOfFileExpected':
      return 'unexpected text after the end of the document';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'comments are not allowed in JSON';
    case 'UnexpectedEndOfString':
      return 'unterminated string';
    case 'InvalidUnicode':
    case 'InvalidEscapeCharacter':
      return 'invalid escape in string';
    case 'InvalidCharacter':
      return 'control character inside a string';
    default:
      return 'invalid JSON';
  }
}

export function parseClusterFile(text: string, baseDir: string): ClusterFileResult {
  const spanAt = spanMaker(text);
  const syntaxErrors: ParseError[] = [];
  // A leading byte order mark is blank space to a JSON reader; a space keeps every offset in place.
  const root = parseTree(text.replace(/^\uFEFF/, ' '), syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  // Later errors are mostly the recovery's echoes of the first one.
  const first = syntaxErrors[0];
  if (first) {
    // The library ends a string at a line break; point at the break, where the fix goes.
    const breakAt = first.offset + first.length;
    if (printParseErrorCode(first.error) === 'UnexpectedEndOfString' && /[\r\n]/.test(text[breakAt] ?? ''))
      return { ok: false, errors: [{ message: 'line break inside a string', span: spanAt(breakAt, 1) }] };
    const length = Math.min(Math.max(first.length, 1), text.length - first.offset);
    return { ok: false, errors: [{ message: syntaxMessage(first, text), span: spanAt(first.offset, length) }] };
  }
  if (!root) return { ok: false, errors: [{ message: 'unexpected end of file', span: spanAt(0, 0) }] };
  const spanOf = (node: JsonNode) => spanAt(node.offset, node.length);
  const items = (node: JsonNode) => node.children ?? [];
  const errors: ClusterFileError[] = [];
  const err = (at: JsonNode, message: string) => errors.push({ message, span: spanOf(at) });

  const asObject = (node: JsonNode | undefined, what: string, known: string[]) => {
    if (!node) return undefined;
    if (node.type !== 'object') {
      err(node, `${what} must be an object`);
      return undefined;
    }
    const map = new Map<string, JsonNode>();
    for (const property of items(node)) {
      // Without syntax errors every property has its key and its value.
      const [keyNode, value] = property.children as [JsonNode, JsonNode];
      const key: string = keyNode.value;
      if (!known.includes(key)) err(keyNode, `unknown property '${key}' in ${what}`);
      else if (map.has(key)) err(keyNode, `duplicate property '${key}'`);
      map.set(key, value);
    }
    return { node, map };
  };
  const str = (node: JsonNode | undefined, what: string): string | undefined => {
    if (!node) return undefined;
    if (node.type !== 'string') return void err(node, `${what} must be a string`);
    if (/[\0\r\n]/.test(node.value)) return void err(node, `${what} must not contain control characters`);
    return node.value;
  };
  const bool = (node: JsonNode | undefined, what: string): boolean | undefined => {
    if (!node) return undefined;
    if (node.type !== 'boolean') return void err(node, `${what} must be true or false`);
    return node.value;
  };
  const int = (node: JsonNode | undefined, what: string, min: number, max: number): number | undefined => {
    if (!node) return undefined;
    if (node.type !== 'number' || !Number.isInteger(node.value) || node.value < min || node.value > max)
      return void err(node, `${what} must be an integer from ${min} to ${max}`);
    return node.value;
  };
  const host = (node: JsonNode | undefined, what: string): string | undefined => {
    const value = str(node, what);
    if (value !== undefined && !isValidHost(value)) {
      err(node!, `${what} '${value}' is not a host name or IP address`);
      return undefined;
    }
    return value;
  };
  const user = (node: JsonNode | undefined, what: string): string | undefined => {
    const value = str(node, what);
    if (value !== undefined && !USER_RE.test(value)) {
      err(node!, `${what} '${value}' is not a valid user name`);
      return undefined;
    }
    return value;
  };
  const fingerprint = (node: JsonNode | undefined): string | undefined => {
    const value = str(node, 'hostKey');
    if (value !== undefined && !FINGERPRINT_RE.test(value)) {
      err(node!, "hostKey must be a SHA256 fingerprint like 'SHA256:' followed by 43 base64 characters");
      return undefined;
    }
    return value;
  };
  const remotePath = (node: JsonNode | undefined, what: string, fallback: string): string => {
    const value = str(node, what);
    if (value === undefined) return fallback;
    if (!value.startsWith('/') || value.endsWith('/') || value.split('/').includes('..')) {
      err(node!, `${what} must be an absolute file path without '..'`);
      return fallback;
    }
    return value;
  };
  const localPath = (value: string) =>
    value.startsWith('~/') ? value : path.resolve(baseDir, value);

  const top = asObject(root, 'the cluster file', ['$schema', 'ssh', 'directors', 'realServers']);
  if (!top) return { ok: false, errors: errors.length ? errors : [{ message: 'the cluster file must be a JSON object', span: spanOf(root) }] };

  const sshObj = asObject(top.map.get('ssh'), 'ssh', [
    'identityFile',
    'agent',
    'jumpHost',
    'knownHostsFile',
    'connectTimeoutSeconds',
    'commandTimeoutSeconds',
  ]);
  const agentNode = sshObj?.map.get('agent');
  let agent: boolean | string = true;
  if (agentNode) {
    if (agentNode.type === 'boolean') agent = agentNode.value;
    else if (agentNode.type === 'string') agent = agentNode.value;
    else err(agentNode, 'agent must be true, false or the path of an agent socket');
  }
  let jumpHost: JumpHostSpec | undefined;
  const jumpObj = asObject(sshObj?.map.get('jumpHost'), 'jumpHost', ['host', 'port', 'user', 'hostKey']);
  if (jumpObj) {
    const h = host(jumpObj.map.get('host'), 'jumpHost.host');
    if (!jumpObj.map.has('host')) err(jumpObj.node, 'jumpHost needs a host');
    if (h)
      jumpHost = {
        host: h,
        port: int(jumpObj.map.get('port'), 'port', 1, 65535) ?? 22,
        user: user(jumpObj.map.get('user'), 'user') ?? 'root',
        hostKey: fingerprint(jumpObj.map.get('hostKey')),
      };
  }
  const identityFileTop = str(sshObj?.map.get('identityFile'), 'identityFile');
  const knownHostsTop = str(sshObj?.map.get('knownHostsFile'), 'knownHostsFile');
  const ssh: SshOptionsSpec = {
    identityFile: identityFileTop === undefined ? undefined : localPath(identityFileTop),
    agent,
    jumpHost,
    knownHostsFile: knownHostsTop === undefined ? undefined : localPath(knownHostsTop),
    connectTimeoutSeconds: int(sshObj?.map.get('connectTimeoutSeconds'), 'connectTimeoutSeconds', 1, 600) ?? 10,
    commandTimeoutSeconds: int(sshObj?.map.get('commandTimeoutSeconds'), 'commandTimeoutSeconds', 1, 3600) ?? 60,
  };

  const names = new Set<string>();
  const hostCommon = (obj: { node: JsonNode; map: Map<string, JsonNode> }, what: string): HostSpec | undefined => {
    const hostNode = obj.map.get('host');
    if (!hostNode) err(obj.node, `${what} needs a host`);
    const h = host(hostNode, 'host');
    const nameNode = obj.map.get('name');
    let name = str(nameNode, 'name');
    if (name !== undefined && !NAME_RE.test(name)) {
      err(nameNode!, 'name may only use letters, digits, dot, dash and underscore');
      name = undefined;
    }
    const port = int(obj.map.get('port'), 'port', 1, 65535) ?? 22;
    const finalName = name ?? (h ? (port === 22 ? h : `${h}:${port}`) : undefined);
    if (finalName && names.has(finalName)) err(nameNode ?? hostNode ?? obj.node, `two hosts are named '${finalName}'`);
    if (finalName) names.add(finalName);
    const identityFile = str(obj.map.get('identityFile'), 'identityFile');
    if (!h || !finalName) return undefined;
    return {
      name: finalName,
      host: h,
      port,
      user: user(obj.map.get('user'), 'user') ?? 'root',
      hostKey: fingerprint(obj.map.get('hostKey')),
      identityFile: identityFile === undefined ? undefined : localPath(identityFile),
      password: bool(obj.map.get('password'), 'password') ?? false,
      span: spanOf(obj.node),
    };
  };
  const COMMON = ['name', 'host', 'port', 'user', 'hostKey', 'identityFile', 'password'];

  const directors: DirectorSpec[] = [];
  const dirsNode = top.map.get('directors');
  if (!dirsNode) err(top.node, "the cluster file needs a 'directors' array");
  else if (dirsNode.type !== 'array') err(dirsNode, 'directors must be an array');
  else
    for (const item of items(dirsNode)) {
      const obj = asObject(item, 'a director', [...COMMON, 'config', 'remotePath', 'reloadCommand', 'restartCommand', 'role']);
      if (!obj) continue;
      const common = hostCommon(obj, 'a director');
      const configNode = obj.map.get('config');
      if (!configNode) err(obj.node, 'a director needs the config file that goes to it');
      const config = str(configNode, 'config');
      const roleNode = obj.map.get('role');
      const role = str(roleNode, 'role');
      if (role !== undefined && role !== 'MASTER' && role !== 'BACKUP') err(roleNode!, "role must be 'MASTER' or 'BACKUP'");
      const reloadCommand = str(obj.map.get('reloadCommand'), 'reloadCommand');
      const restartCommand = str(obj.map.get('restartCommand'), 'restartCommand');
      const target = remotePath(obj.map.get('remotePath'), 'remotePath', DEFAULT_REMOTE_CONFIG);
      if (common && config !== undefined)
        directors.push({
          ...common,
          kind: 'director',
          config: localPath(config),
          remotePath: target,
          reloadCommand: reloadCommand?.trim() ? reloadCommand : DEFAULT_RELOAD_COMMAND,
          restartCommand: restartCommand?.trim() ? restartCommand : DEFAULT_RESTART_COMMAND,
          role: role === 'MASTER' || role === 'BACKUP' ? role : undefined,
        });
    }

  const realServers: RealServerSpec[] = [];
  const rsNode = top.map.get('realServers');
  if (rsNode && rsNode.type !== 'array') err(rsNode, 'realServers must be an array');
  else if (rsNode?.type === 'array')
    for (const item of items(rsNode)) {
      const obj = asObject(item, 'a real server', [...COMMON, 'scriptPath', 'vips']);
      if (!obj) continue;
      const common = hostCommon(obj, 'a real server');
      const scriptPath = remotePath(obj.map.get('scriptPath'), 'scriptPath', DEFAULT_SCRIPT_PATH);
      let vips: string[] | undefined;
      const vipsNode = obj.map.get('vips');
      if (vipsNode) {
        if (vipsNode.type !== 'array') err(vipsNode, 'vips must be an array of IP addresses');
        else {
          vips = [];
          for (const v of items(vipsNode)) {
            if (v.type === 'string' && ipFamily(v.value) !== 0) vips.push(v.value);
            else err(v, 'each VIP must be an IPv4 or IPv6 address without a prefix length');
          }
        }
      }
      if (common) realServers.push({ ...common, kind: 'realServer', scriptPath, vips });
    }

  if (errors.length) return { ok: false, errors };
  return { ok: true, spec: { baseDir, ssh, directors, realServers } };
}

/** "file:line:col: message" lines for terminals */
export function formatClusterErrors(file: string, errors: ClusterFileError[]): string {
  return errors.map((e) => `${file}:${e.span.start.line + 1}:${e.span.start.character + 1}: ${e.message}`).join('\n');
}
