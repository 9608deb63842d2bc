import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface OracleMessage {
  file?: string;
  line?: number;
  text: string;
}

export interface OracleResult {
  exitCode: number;
  messages: OracleMessage[];
}

/** A keepalived binary the tests use as oracle, and the release it is. */
export interface OracleBinary {
  version: string;
  binary: string;
}

/** Debian's 2.2.7 on PATH, and 2.4.3 built by scripts/build-oracle-243.sh (env KEEPALIVED_243 overrides its path). */
export const ORACLE_BINARIES: readonly OracleBinary[] = [
  { version: '2.2.7', binary: 'keepalived' },
  { version: '2.4.3', binary: process.env.KEEPALIVED_243 || '/opt/keepalived-oracle/2.4.3/sbin/keepalived' },
];

export const oracleBinary = (version: string): OracleBinary => {
  const found = ORACLE_BINARIES.find((o) => o.version === version);
  if (!found) throw new Error(`no oracle for keepalived ${version}`);
  return found;
};

let counter = 0;
const execFileAsync = promisify(execFile);

/** the time stamp the running daemon puts before each line it logs to the console */
const LOG_TIME = /^\w{3} \w{3} +\d+ [\d:]+ \d{4}: /;

/** keepalived's stderr as messages, each distinct line once; `(FILE: Line N) text` gives file and line. */
function parseMessages(stderr: string): OracleMessage[] {
  const seen = new Set<string>();
  const messages: OracleMessage[] = [];
  for (const raw of stderr.split('\n')) {
    const line = raw.replace(LOG_TIME, '').trim();
    if (!line || seen.has(line)) continue;
    seen.add(line);
    const m = /^\((?:(.+?): )?Line (\d+)\) (.*)$/.exec(line);
    messages.push(m ? { file: m[1], line: Number(m[2]), text: m[3] } : { text: line });
  }
  return messages;
}

/** each input run through `runOne`, `concurrency` at a time, the results in the inputs' order */
async function inPool<I, R>(inputs: readonly I[], concurrency: number, runOne: (input: I) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      results[i] = await runOne(inputs[i]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/**
 * A real keepalived (Debian's 2.2.7 unless another of ORACLE_BINARIES is given) run as `keepalived -t`, inside a network namespace that has the interfaces test
 * configs name (eth0, eth1), so that host-specific complaints do not mix with the config's own problems.
 */
export class KeepalivedOracle {
  readonly netns = `kaor${process.pid}x${counter++}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'ka-oracle-'));
  private batchFiles = 0;
  readonly version: string;
  readonly binary: string;

  constructor(oracle: OracleBinary = ORACLE_BINARIES[0]) {
    this.version = oracle.version;
    this.binary = oracle.binary;
    const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
    ip('netns', 'add', this.netns);
    ip('-n', this.netns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth1');
    for (const dev of ['lo', 'eth0', 'eth1']) ip('-n', this.netns, 'link', 'set', dev, 'up');
    ip('-n', this.netns, 'addr', 'add', '192.0.2.1/24', 'dev', 'eth0');
  }

  /** Checks a config file given by path (includes resolve relative to it). */
  checkFile(path: string, configId?: string): OracleResult {
    const args = ['netns', 'exec', this.netns, this.binary, '-t', '-e', '-f', path, ...(configId ? ['-i', configId] : [])];
    const run = spawnSync('ip', args, { encoding: 'utf8', timeout: 20_000 });
    // A keepalived that did not run (missing, timed out) says nothing, which must not read as "no complaint".
    if (run.error) throw run.error;
    return { exitCode: run.status ?? -1, messages: parseMessages(run.stderr) };
  }

  /**
   * Checks many configs given as text (or text with a config id), `concurrency` at a time; each result names
   * the scratch file it was written to. Enters the namespace with nsenter rather than `ip netns exec`, which
   * also remounts /sys and so costs about twice as much per run. `-e` (every include must match) unless
   * `includesMayMiss`: keepalived's default then reads the matches of a pattern some of whose parts match nothing.
   */
  async checkAll(inputs: readonly (string | { text: string; configId?: string })[], concurrency = 4, includesMayMiss = false): Promise<(OracleResult & { path: string })[]> {
    const runOne = async (input: string | { text: string; configId?: string }): Promise<OracleResult & { path: string }> => {
      const { text, configId } = typeof input === 'string' ? { text: input, configId: undefined } : input;
      const path = join(this.dir, `batch-${this.batchFiles++}.conf`);
      writeFileSync(path, text);
      const args = [`--net=/run/netns/${this.netns}`, this.binary, '-t', ...(includesMayMiss ? [] : ['-e']), '-f', path, ...(configId ? ['-i', configId] : [])];
      const run = await execFileAsync('nsenter', args, { encoding: 'utf8', timeout: 20_000 }).then(
        (ok) => ({ exitCode: 0, stderr: ok.stderr }),
        (failed: { code?: number | string | null; signal?: string | null; killed?: boolean; stderr?: string }) => {
          // A crash (2.2.7 dies on a few broken configs) is a rejection, as is a SIGTERM keepalived sent itself
          // (config-test-stops); one that did not start or ran out of time (killed by us) is not.
          if (failed.signal && !failed.killed) return { exitCode: failed.signal === 'SIGTERM' ? 143 : -1, stderr: `${failed.stderr ?? ''}\nkilled by ${failed.signal}` };
          if (typeof failed.code !== 'number') throw new Error(`keepalived did not run: ${String(failed.code)} ${String(failed.signal)}`);
          return { exitCode: failed.code, stderr: failed.stderr ?? '' };
        },
      );
      return { exitCode: run.exitCode, messages: parseMessages(run.stderr), path };
    };
    return inPool(inputs, concurrency, runOne);
  }

  /**
   * Starts the daemon itself (in the foreground, logging to the console) on each config, `concurrency` at a time,
   * and stops it once it has started: the messages keepalived only logs (log_message) while it reads a config,
   * which `keepalived -t` never prints. Each run is in this oracle's namespace, so only its veth pair is touched.
   */
  async startAll(inputs: readonly string[], concurrency = 4): Promise<(OracleResult & { path: string })[]> {
    const runOne = (text: string) =>
      new Promise<OracleResult & { path: string }>((resolve, reject) => {
        const n = this.batchFiles++;
        const path = join(this.dir, `daemon-${n}.conf`);
        writeFileSync(path, text);
        const pids = ['-p', '-r', '-c', '-b'].flatMap((flag) => [flag, join(this.dir, `daemon-${n}${flag}.pid`)]);
        // a group of its own: the daemon's children go with it, whatever state they are in
        const child = spawn('nsenter', [`--net=/run/netns/${this.netns}`, this.binary, '-n', '-l', '-D', '-f', path, ...pids], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        let output = '';
        let stopping: NodeJS.Timeout | undefined;
        const signal = (name: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, name);
          } catch {
            // gone already
          }
        };
        const stop = () => signal('SIGINT');
        // a daemon that never says it started is stopped all the same: its messages so far are what it read
        const deadline = setTimeout(stop, 6_000);
        const kill = setTimeout(() => signal('SIGKILL'), 9_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          if (!stopping && /Startup complete/.test(output)) stopping = setTimeout(stop, 400);
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.on('error', reject);
        child.on('close', (code) => {
          clearTimeout(deadline);
          clearTimeout(kill);
          clearTimeout(stopping);
          resolve({ exitCode: code ?? -1, messages: parseMessages(output), path });
        });
      });
    return inPool(inputs, concurrency, runOne);
  }

  /** Checks a config given as text, written to a scratch file named `name`. */
  check(text: string, configId?: string, name = 'keepalived.conf'): OracleResult & { path: string } {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return { ...this.checkFile(path, configId), path };
  }

  dispose(): void {
    spawnSync('ip', ['netns', 'del', this.netns]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** keepalived's complaints that depend on the machine, not on the config. */
export const HOST_SPECIFIC = [/SECURITY VIOLATION/, /script_security/, /keepalived_script/, /doesn't exist/, /Unknown interface/, /Non-existent interface/, /Unable to set default user/];

/** A message as one line again, for assertion output. */
export const showMessage = (m: OracleMessage): string => (m.line ? `(${m.file ? `${m.file}: ` : ''}Line ${m.line}) ${m.text}` : m.text);

export function configMessages(result: OracleResult): OracleMessage[] {
  return result.messages.filter((m) => !HOST_SPECIFIC.some((re) => re.test(m.text)));
}
