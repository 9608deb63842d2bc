/**
 * Typed views over the generic AST: what the checks, features and deploy need to know about each
 * block, with the words and statements they came from (for ranges).
 */
import type { ConfigFile, Statement, Word } from './ast';
import { isDecimal } from './numbers';

export interface Valued<T> {
  value: T;
  word: Word;
  statement: Statement;
}

export interface Tracked {
  name: string;
  weight?: number;
  statement: Statement;
}

export interface VrrpInstanceView {
  name: string;
  statement: Statement;
  state?: Valued<string>;
  iface?: Valued<string>;
  vrid?: Valued<number>;
  priority?: Valued<number>;
  advertInt?: Valued<number>;
  authType?: Valued<string>;
  authPass?: Valued<string>;
  authentication?: Statement;
  vips: Valued<string>[];
  virtualIpaddress?: Statement;
  unicastSrcIp?: Valued<string>;
  unicastPeers: Valued<string>[];
  unicastPeer?: Statement;
  trackScripts: Tracked[];
  trackInterfaces: Tracked[];
  trackFiles: Tracked[];
  trackProcesses: Tracked[];
  nopreempt?: Statement;
  preemptDelay?: Statement;
}

export interface VrrpScriptView {
  name: string;
  statement: Statement;
  script?: Valued<string>;
  weight?: Valued<number>;
}

export interface SyncGroupView {
  name: string;
  statement: Statement;
  members: Valued<string>[];
}

/** a track_group: the instances whose state static addresses, routes and rules naming it follow */
export type TrackGroupView = SyncGroupView;

export type CheckerType = 'HTTP_GET' | 'SSL_GET' | 'TCP_CHECK' | 'SMTP_CHECK' | 'MISC_CHECK' | 'DNS_CHECK' | 'UDP_CHECK' | 'PING_CHECK' | 'FILE_CHECK' | 'BFD_CHECK';

export const CHECKER_TYPES: readonly CheckerType[] = ['HTTP_GET', 'SSL_GET', 'TCP_CHECK', 'SMTP_CHECK', 'MISC_CHECK', 'DNS_CHECK', 'UDP_CHECK', 'PING_CHECK', 'FILE_CHECK', 'BFD_CHECK'];
const CHECKER_TYPE_SET: ReadonlySet<string> = new Set(CHECKER_TYPES);

export interface UrlView {
  statement: Statement;
  path?: Valued<string>;
  statusCodes: Valued<string>[];
  digest?: Valued<string>;
}

/** A health checker of a real server, with the settings every checker shares and its own essentials. */
export interface CheckerView {
  type: CheckerType;
  statement: Statement;
  connectIp?: Valued<string>;
  connectPort?: Valued<number>;
  connectTimeout?: Valued<number>;
  retry?: Valued<number>;
  delayBeforeRetry?: Valued<number>;
  /** HTTP_GET / SSL_GET */
  urls: UrlView[];
  /** MISC_CHECK */
  miscPath?: Valued<string>;
  /** DNS_CHECK */
  dnsName?: Valued<string>;
  /** FILE_CHECK / BFD_CHECK */
  trackedName?: Valued<string>;
}

export interface RealServerView {
  statement: Statement;
  address?: Valued<string>;
  port?: Valued<number>;
  weight?: Valued<number>;
  checkers: CheckerView[];
}

export interface VirtualServerView {
  statement: Statement;
  /** how the service is addressed: `IP PORT`, `fwmark N` or `group NAME` */
  form: 'address' | 'fwmark' | 'group';
  address?: Valued<string>;
  port?: Valued<number>;
  fwmark?: Valued<number>;
  group?: Valued<string>;
  lbAlgo?: Valued<string>;
  lbKind?: Valued<string>;
  protocol?: Valued<string>;
  realServers: RealServerView[];
}

export interface VirtualServerGroupView {
  name: string;
  statement: Statement;
}

export interface NamedDefinition {
  name: string;
  statement: Statement;
}

export interface ConfigView {
  /** the global_defs blocks, in order (several add up) */
  globalDefs: Statement[];
  instances: VrrpInstanceView[];
  scripts: VrrpScriptView[];
  syncGroups: SyncGroupView[];
  trackGroups: TrackGroupView[];
  /** the top-level static_ipaddress, static_routes and static_rules blocks */
  staticBlocks: Statement[];
  virtualServers: VirtualServerView[];
  virtualServerGroups: VirtualServerGroupView[];
  trackFiles: NamedDefinition[];
  trackProcesses: NamedDefinition[];
  bfdInstances: NamedDefinition[];
  garpGroups: Statement[];
}

const VIEW_CACHE = new WeakMap<ConfigFile, ConfigView>();
/** An edit re-parses only the top-level statements it touches; the views of the others stay valid. */
const STATEMENT_VIEWS = new WeakMap<Statement, VrrpInstanceView | VirtualServerView>();

function cachedView<T extends VrrpInstanceView | VirtualServerView>(statement: Statement, make: (s: Statement) => T): T {
  let view = STATEMENT_VIEWS.get(statement) as T | undefined;
  if (!view) STATEMENT_VIEWS.set(statement, (view = make(statement)));
  return view;
}

/** Children of a block by keyword (first occurrence wins for lookups by `first`). */
function first(statement: Statement | undefined, keyword: string): Statement | undefined {
  const children = statement?.block?.statements;
  if (children) for (const child of children) if (child.name === keyword) return child;
  return undefined;
}

/** every child statement of a block with this keyword, in order */
export function all(statement: Statement | undefined, keyword: string): Statement[] {
  return statement?.block?.statements.filter((s) => s.name === keyword) ?? [];
}

/** keepalived keeps the last value of a repeated one-value keyword. */
export function last(statement: Statement | undefined, keyword: string): Statement | undefined {
  const children = statement?.block?.statements;
  if (children) for (let i = children.length - 1; i >= 0; i--) if (children[i].name === keyword) return children[i];
  return undefined;
}

function str(statement: Statement | undefined, index = 0): Valued<string> | undefined {
  const word = statement?.args[index];
  return word && statement ? { value: word.text, word, statement } : undefined;
}

function num(statement: Statement | undefined, index = 0): Valued<number> | undefined {
  const word = statement?.args[index];
  if (!word || !statement || !isDecimal(word.text)) return undefined;
  return { value: Number(word.text), word, statement };
}

/** The item lines of a value block (virtual_ipaddress, unicast_peer, ...). */
function items(statement: Statement | undefined): Statement[] {
  return statement?.block?.statements ?? [];
}

/** several members may share one line; keepalived reads the first group block and skips any other */
function groupMembers(statement: Statement): Valued<string>[] {
  return items(first(statement, 'group')).flatMap((item) => [item.keyword, ...item.args].map((word) => ({ value: word.text, word, statement: item })));
}

function tracked(list: Statement | undefined): Tracked[] {
  return items(list).map((item) => {
    const weightAt = item.args.findIndex((a) => a.text === 'weight');
    const weight = weightAt >= 0 ? Number(item.args[weightAt + 1]?.text) : undefined;
    return { name: item.name, weight: Number.isFinite(weight) ? weight : undefined, statement: item };
  });
}

function instanceView(statement: Statement): VrrpInstanceView {
  const auth = last(statement, 'authentication');
  const vipBlock = last(statement, 'virtual_ipaddress');
  const peerBlock = last(statement, 'unicast_peer');
  const vips = items(vipBlock).map((item) => ({ value: item.name, word: item.keyword, statement: item }));
  return {
    name: statement.args[0]?.text ?? '',
    statement,
    state: str(last(statement, 'state')),
    iface: str(last(statement, 'interface')),
    vrid: num(last(statement, 'virtual_router_id')),
    priority: num(last(statement, 'priority')),
    advertInt: num(last(statement, 'advert_int')),
    authType: str(last(auth, 'auth_type')),
    authPass: str(last(auth, 'auth_pass')),
    authentication: auth,
    vips,
    virtualIpaddress: vipBlock,
    unicastSrcIp: str(last(statement, 'unicast_src_ip')),
    unicastPeers: items(peerBlock).map((item) => ({ value: item.name, word: item.keyword, statement: item })),
    unicastPeer: peerBlock,
    trackScripts: all(statement, 'track_script').flatMap(tracked),
    trackInterfaces: all(statement, 'track_interface').flatMap(tracked),
    trackFiles: all(statement, 'track_file').flatMap(tracked),
    trackProcesses: all(statement, 'track_process').flatMap(tracked),
    nopreempt: last(statement, 'nopreempt'),
    preemptDelay: last(statement, 'preempt_delay'),
  };
}

// The views below read each block's children in one pass (a forward pass, so the last of a repeated
// one-value keyword wins, as in keepalived): services, real servers and checkers number in the thousands.

function checkerView(statement: Statement): CheckerView {
  const type = statement.name as CheckerType;
  let connectIp, connectPort, connectTimeout, retry, oldRetry, delayBeforeRetry, miscPath, name, trackFile: Statement | undefined;
  const urls: UrlView[] = [];
  for (const child of items(statement)) {
    switch (child.name) {
      case 'connect_ip': connectIp = child; break;
      case 'connect_port': connectPort = child; break;
      case 'connect_timeout': connectTimeout = child; break;
      case 'retry': retry = child; break;
      // the old name of retry
      case 'nb_get_retry': oldRetry = child; break;
      case 'delay_before_retry': delayBeforeRetry = child; break;
      case 'url': urls.push(urlView(child)); break;
      case 'misc_path': miscPath = child; break;
      case 'name': name = child; break;
      case 'track_file': trackFile = child; break;
    }
  }
  return {
    type,
    statement,
    connectIp: str(connectIp),
    connectPort: num(connectPort),
    connectTimeout: num(connectTimeout),
    retry: num(retry ?? oldRetry),
    delayBeforeRetry: num(delayBeforeRetry),
    urls,
    miscPath: str(miscPath),
    dnsName: str(name),
    trackedName: type === 'FILE_CHECK' ? str(trackFile) : type === 'BFD_CHECK' ? str(name) : undefined,
  };
}

function urlView(url: Statement): UrlView {
  let path, digest: Statement | undefined;
  const statusCodes: Valued<string>[] = [];
  for (const child of items(url)) {
    switch (child.name) {
      case 'path': path = child; break;
      case 'digest': digest = child; break;
      case 'status_code': for (const word of child.args) statusCodes.push({ value: word.text, word, statement: child }); break;
    }
  }
  return { statement: url, path: str(path), statusCodes, digest: str(digest) };
}

function realServerView(rs: Statement): RealServerView {
  let weight: Statement | undefined;
  const checkers: CheckerView[] = [];
  for (const child of items(rs)) {
    const keyword = child.name;
    if (keyword === 'weight') weight = child;
    else if (CHECKER_TYPE_SET.has(keyword)) checkers.push(checkerView(child));
  }
  return { statement: rs, address: str(rs, 0), port: num(rs, 1), weight: num(weight), checkers };
}

/** keepalived takes only these (exactly so written); another word leaves the method as it was */
export function isForwardingMethod(text: string | undefined): boolean {
  return text === 'NAT' || text === 'DR' || text === 'TUN';
}

function virtualServerView(statement: Statement): VirtualServerView {
  const [a0, a1] = statement.args;
  const form = a0?.text === 'fwmark' ? 'fwmark' : a0?.text === 'group' ? 'group' : 'address';
  let lbAlgo, lvsSched, method, protocol: Statement | undefined;
  const realServers: RealServerView[] = [];
  for (const child of items(statement)) {
    switch (child.name) {
      case 'real_server': realServers.push(realServerView(child)); break;
      case 'lb_algo': lbAlgo = child; break;
      case 'lvs_sched': lvsSched = child; break;
      case 'lb_kind':
      case 'lvs_method': if (isForwardingMethod(child.args[0]?.text)) method = child; break;
      case 'protocol': protocol = child; break;
    }
  }
  return {
    statement,
    form,
    address: form === 'address' ? str(statement, 0) : undefined,
    port: form === 'address' && a1 ? num(statement, 1) : undefined,
    fwmark: form === 'fwmark' ? num(statement, 1) : undefined,
    group: form === 'group' ? str(statement, 1) : undefined,
    lbAlgo: str(lbAlgo ?? lvsSched),
    lbKind: str(method),
    protocol: str(protocol),
    realServers,
  };
}

/** The typed view of a parsed file (cached per AST). */
export function viewOf(file: ConfigFile): ConfigView {
  const cached = VIEW_CACHE.get(file);
  if (cached) return cached;
  const view: ConfigView = {
    globalDefs: [],
    instances: [],
    scripts: [],
    syncGroups: [],
    trackGroups: [],
    staticBlocks: [],
    virtualServers: [],
    virtualServerGroups: [],
    trackFiles: [],
    trackProcesses: [],
    bfdInstances: [],
    garpGroups: [],
  };
  for (const statement of file.statements) {
    const name = statement.args[0]?.text ?? '';
    switch (statement.name) {
      case 'global_defs':
        view.globalDefs.push(statement);
        break;
      case 'vrrp_instance':
        view.instances.push(cachedView(statement, instanceView));
        break;
      case 'vrrp_script':
        view.scripts.push({ name, statement, script: str(last(statement, 'script')), weight: num(last(statement, 'weight')) });
        break;
      case 'vrrp_sync_group':
        view.syncGroups.push({ name, statement, members: groupMembers(statement) });
        break;
      case 'track_group':
        view.trackGroups.push({ name, statement, members: groupMembers(statement) });
        break;
      case 'static_ipaddress':
      case 'static_routes':
      case 'static_rules':
        view.staticBlocks.push(statement);
        break;
      case 'virtual_server':
        view.virtualServers.push(cachedView(statement, virtualServerView));
        break;
      case 'virtual_server_group':
        view.virtualServerGroups.push({ name, statement });
        break;
      case 'track_file':
      case 'vrrp_track_file':
        view.trackFiles.push({ name, statement });
        break;
      case 'track_process':
      case 'vrrp_track_process':
        view.trackProcesses.push({ name, statement });
        break;
      case 'bfd_instance':
        view.bfdInstances.push({ name, statement });
        break;
      case 'garp_group':
        view.garpGroups.push(statement);
        break;
    }
  }
  VIEW_CACHE.set(file, view);
  return view;
}

