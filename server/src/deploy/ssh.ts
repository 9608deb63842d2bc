/**
 * One SSH session per host over ssh2: host-key check, authentication, and commands (files travel through
 * `cat` on the remote shell), each bounded by a timeout and by the caller's cancellation signal.
 */
import type { AuthenticationType, ClientChannel, ConnectConfig } from 'ssh2';
import Client from 'ssh2/lib/client.js';
import { parseKey } from 'ssh2/lib/protocol/keyParser.js';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { EXIT_NO_FILE, readFileScript } from './remoteOps';
import { appendKnownHost, knownKeyTypes, readKnownHosts, verifyHostKey, type HostKeyVerdict } from './hostKeys';
import type { SshOptionsSpec, SshTarget } from './clusterFile';

export interface SecretRequest {
  host: string;
  kind: 'passphrase' | 'password';
  /** the key file, for a passphrase */
  keyFile?: string;
}

export interface SshCallbacks {
  /** An unknown host key: answer true to trust (and record) it. Never called for a changed key. */
  confirmHostKey(host: string, verdict: HostKeyVerdict): Promise<boolean>;
  /** undefined means the user declined */
  askSecret(request: SecretRequest): Promise<string | undefined>;
  /** lets the caller mask typed secrets in every later log line */
  onSecret?(value: string): void;
}

export interface ExecResult {
  code: number | null;
  signal?: string;
  stdout: string;
  stdoutBytes: Buffer;
  stderr: string;
}

export class SshError extends Error {
  constructor(
    message: string,
    /** 'lost': the connection went away while a command ran, so whether it ran is unknown */
    readonly kind: 'hostkey' | 'auth' | 'connect' | 'timeout' | 'cancelled' | 'remote' | 'lost',
  ) {
    super(message);
  }
}

const expandHome = (p: string) => (p.startsWith('~/') ? join(homedir(), p.slice(2)) : p);

const DEFAULT_HOST_KEY_ALGOS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** Ask the server for a key type we already know, so a second key type is not mistaken for a changed key. */
function hostKeyAlgorithms(knownTypes: string[]): string[] {
  const preferred = knownTypes.flatMap((t) => (t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t]));
  return [...new Set([...preferred.filter((a) => DEFAULT_HOST_KEY_ALGOS.includes(a)), ...DEFAULT_HOST_KEY_ALGOS])];
}

function abortError(): SshError {
  return new SshError('cancelled', 'cancelled');
}

/**
 * Ciphers done by OpenSSL through node:crypto. chacha20-poly1305 is left out: ssh2 needs an Emscripten
 * module for its MAC, which the bundles do not carry; every OpenSSH release since 6.2 offers AES-GCM.
 */
export const KEEPALIVE_INTERVAL_MS = 2000;
export const KEEPALIVE_COUNT_MAX = 3;

export const CIPHERS = ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com', 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'];
/** configs are a few kilobytes: compression gains nothing, and the bundle leaves ssh2's zlib streams out */
export const COMPRESSION = ['none'];

export class SshSession {
  private constructor(
    readonly target: SshTarget,
    private readonly client: Client,
    private readonly jump: Client | undefined,
    private readonly commandTimeoutMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.watchConnection();
  }

  static async connect(
    target: SshTarget,
    ssh: SshOptionsSpec,
    callbacks: SshCallbacks,
    signal?: AbortSignal,
  ): Promise<SshSession> {
    let jump: Client | undefined;
    let sock: Duplex | undefined;
    if (ssh.jumpHost) {
      const j = ssh.jumpHost;
      jump = await openClient(
        { name: `${j.host} (jump host)`, host: j.host, port: j.port, user: j.user, hostKey: j.hostKey, password: false },
        ssh,
        callbacks,
        undefined,
        signal,
      );
      try {
        sock = await new Promise<Duplex>((resolve, reject) =>
          jump!.forwardOut('127.0.0.1', 0, target.host, target.port, (err, stream) =>
            err ? reject(new SshError(`jump host cannot reach ${target.host}:${target.port}: ${err.message}`, 'connect')) : resolve(stream),
          ),
        );
      } catch (err) {
        jump.end();
        throw err;
      }
    }
    try {
      const client = await openClient(target, ssh, callbacks, sock, signal);
      return new SshSession(target, client, jump, ssh.commandTimeoutSeconds * 1000, signal);
    } catch (err) {
      jump?.end();
      throw err;
    }
  }

  /** Set once the connection is gone (closed, keepalives unanswered, reset): every later exec fails at once. */
  private lost?: string;
  private readonly pending = new Set<(why: string) => void>();

  private watchConnection(): void {
    const gone = (why: string) => {
      this.lost ??= why;
      for (const fail of [...this.pending]) fail(this.lost);
    };
    this.client.on('close', () => gone('connection closed'));
    this.client.on('error', (err: Error & { level?: string }) =>
      gone(err.level === 'client-timeout' ? 'the host stopped answering (keepalives unanswered)' : `connection lost: ${err.message}`),
    );
  }

  get connected(): boolean {
    return this.lost === undefined;
  }

  /**
   * Runs one command line (already quoted by the caller). The timeout starts before the channel is asked
   * for, so a host that stopped answering cannot hold the run while the channel opens; a lost connection
   * fails every command in flight at once (kind 'lost': whether the command ran is then unknown).
   * `ignoreCancel` is for commands that must run to the end even after the user cancelled: commit,
   * activation, clean-up, rollback.
   */
  exec(command: string, opts: { timeoutMs?: number; stdin?: string | Buffer; ignoreCancel?: boolean } = {}): Promise<ExecResult> {
    const timeoutMs = opts.timeoutMs ?? this.commandTimeoutMs;
    const signal = opts.ignoreCancel ? undefined : this.signal;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      if (this.lost) return reject(new SshError(this.lost, 'lost'));
      let stream: ClientChannel | undefined;
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.pending.delete(onLost);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const onLost = (why: string) => finish(() => reject(new SshError(why, 'lost')));
      this.pending.add(onLost);
      const timer = setTimeout(
        () =>
          finish(() => {
            stream?.close();
            reject(new SshError(`${stream ? 'command' : 'opening a channel'} timed out after ${Math.round(timeoutMs / 1000)} s`, 'timeout'));
          }),
        timeoutMs,
      );
      const onAbort = () =>
        finish(() => {
          stream?.close();
          reject(abortError());
        });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.client.exec(command, (err, channel) => {
        if (err) return finish(() => reject(new SshError(`cannot run a command: ${err.message}`, 'remote')));
        if (settled) return void channel.close();
        stream = channel;
        const stdout: Buffer[] = [];
        let stderr = '';
        channel.on('data', (d: Buffer) => stdout.push(d));
        channel.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        channel.on('close', (code: number | null, sig?: string) =>
          finish(() => {
            const bytes = Buffer.concat(stdout);
            resolve({ code, signal: sig, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr });
          }),
        );
        if (opts.stdin !== undefined) channel.end(opts.stdin);
        else channel.end();
      });
    });
  }

  /**
   * Starts a command that keeps running until `release()` closes its stdin (a lock holder). Resolves
   * with its first stdout line once it printed one, or with its whole output when it exits first.
   */
  hold(command: string): Promise<{ firstLine: string; exited: boolean; stderr: string; write(data: string): void; release(): void }> {
    const timeoutMs = this.commandTimeoutMs;
    return new Promise((resolve, reject) => {
      if (this.lost) return reject(new SshError(this.lost, 'lost'));
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.pending.delete(onLost);
        fn();
      };
      const onLost = (why: string) => finish(() => reject(new SshError(why, 'lost')));
      this.pending.add(onLost);
      let stream: ClientChannel | undefined;
      const timer = setTimeout(() => finish(() => {
        stream?.close();
        reject(new SshError(`command timed out after ${Math.round(timeoutMs / 1000)} s`, 'timeout'));
      }), timeoutMs);
      this.client.exec(command, (err, channel) => {
        if (err) return finish(() => reject(new SshError(`cannot run a command: ${err.message}`, 'remote')));
        if (settled) return void channel.close();
        stream = channel;
        let out = '';
        let stderr = '';
        const release = () => {
          channel.end();
          channel.close();
        };
        const write = (data: string) => {
          if (!channel.destroyed) channel.write(data);
        };
        channel.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        channel.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          const nl = out.indexOf('\n');
          if (nl >= 0) finish(() => resolve({ firstLine: out.slice(0, nl), exited: false, stderr, write, release }));
        });
        channel.on('close', () => finish(() => resolve({ firstLine: out.trim(), exited: true, stderr, write, release })));
      });
    });
  }

  /** The file's bytes, or undefined when it does not exist. */
  async readFile(path: string): Promise<Buffer | undefined> {
    const result = await this.exec(readFileScript(path));
    if (result.code === 0) return result.stdoutBytes;
    if (result.code === EXIT_NO_FILE) return undefined;
    throw new SshError(`cannot read ${path}: ${result.stderr.trim() || `exit ${result.code}`}`, 'remote');
  }

  close(): void {
    this.client.end();
    this.jump?.end();
  }
}

async function identityFor(target: SshTarget, ssh: SshOptionsSpec): Promise<string[]> {
  const explicit = target.identityFile ?? ssh.identityFile;
  if (explicit) return [expandHome(explicit)];
  return ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(homedir(), '.ssh', f)).filter((f) => existsSync(f));
}

async function authMethods(target: SshTarget, ssh: SshOptionsSpec, callbacks: SshCallbacks): Promise<ConnectConfig['authHandler']> {
  const methods: Record<string, unknown>[] = [];
  const agentSock = ssh.agent === true ? process.env.SSH_AUTH_SOCK : ssh.agent || undefined;
  if (agentSock) methods.push({ type: 'agent', username: target.user, agent: expandHome(agentSock) });
  for (const file of await identityFor(target, ssh)) {
    let key: Buffer;
    try {
      key = readFileSync(file);
    } catch (err) {
      throw new SshError(`cannot read identity file ${file}: ${(err as Error).message}`, 'auth');
    }
    let parsed = parseKey(key);
    let passphrase: string | undefined;
    if (parsed instanceof Error && /encrypted|passphrase/i.test(parsed.message)) {
      passphrase = await callbacks.askSecret({ host: target.name, kind: 'passphrase', keyFile: file });
      if (passphrase === undefined) throw new SshError(`no passphrase given for ${file}`, 'auth');
      callbacks.onSecret?.(passphrase);
      parsed = parseKey(key, passphrase);
      if (parsed instanceof Error) throw new SshError(`wrong passphrase for ${file}`, 'auth');
    }
    if (parsed instanceof Error) throw new SshError(`cannot use identity file ${file}: ${parsed.message}`, 'auth');
    methods.push({ type: 'publickey', username: target.user, key, passphrase });
  }
  if (target.password) {
    const password = await callbacks.askSecret({ host: target.name, kind: 'password' });
    if (password === undefined) throw new SshError(`no password given for ${target.user}@${target.name}`, 'auth');
    callbacks.onSecret?.(password);
    methods.push({ type: 'password', username: target.user, password });
  }
  if (methods.length === 0)
    throw new SshError('no way to authenticate: no agent, no identity file and password login not enabled', 'auth');
  return methods as unknown as AuthenticationType[];
}

function openClient(
  target: SshTarget,
  ssh: SshOptionsSpec,
  callbacks: SshCallbacks,
  sock: Duplex | undefined,
  signal: AbortSignal | undefined,
): Promise<Client> {
  const knownHostsFile = expandHome(ssh.knownHostsFile ?? '~/.ssh/known_hosts');
  const knownText = readKnownHosts(knownHostsFile);
  return authMethods(target, ssh, callbacks).then(
    (authHandler) =>
      new Promise<Client>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        const client = new Client();
        let hostKeyProblem: SshError | undefined;
        let settled = false;
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          fn();
        };
        const onAbort = () =>
          settle(() => {
            client.end();
            reject(abortError());
          });
        signal?.addEventListener('abort', onAbort, { once: true });
        client.on('ready', () => settle(() => resolve(client)));
        client.on('error', (err: Error & { level?: string }) =>
          settle(() => {
            client.end();
            if (hostKeyProblem) return reject(hostKeyProblem);
            if (err.level === 'client-authentication')
              return reject(new SshError(`authentication failed for ${target.user}@${target.name}`, 'auth'));
            if (err.level === 'client-timeout')
              return reject(new SshError(`connection timed out after ${ssh.connectTimeoutSeconds} s`, 'timeout'));
            reject(new SshError(`cannot connect: ${err.message}`, 'connect'));
          }),
        );
        client.on('close', () => settle(() => reject(hostKeyProblem ?? new SshError('connection closed during setup', 'connect'))));
        client.connect({
          host: target.host,
          port: target.port,
          username: target.user,
          sock,
          readyTimeout: ssh.connectTimeoutSeconds * 1000,
          // A host that stops answering is noticed within about three intervals, not when TCP gives up.
          keepaliveInterval: KEEPALIVE_INTERVAL_MS,
          keepaliveCountMax: KEEPALIVE_COUNT_MAX,
          authHandler,
          algorithms: { serverHostKey: hostKeyAlgorithms(knownKeyTypes(knownText, target.host, target.port)) as never, cipher: CIPHERS as never, compress: COMPRESSION as never },
          hostVerifier: (keyBlob: Buffer, verify: (ok: boolean) => void) => {
            const verdict = verifyHostKey({
              host: target.host,
              port: target.port,
              keyBlob,
              knownHostsText: knownText,
              pinnedFingerprint: target.hostKey,
            });
            if (verdict.status === 'trusted') return verify(true);
            if (verdict.status !== 'unknown') {
              hostKeyProblem = new SshError(
                `host key of ${target.name} ${verdict.status === 'changed' ? 'HAS CHANGED' : 'is revoked'}: ${verdict.detail}; refusing to connect`,
                'hostkey',
              );
              return verify(false);
            }
            callbacks.confirmHostKey(target.name, verdict).then(
              (ok) => {
                if (!ok) {
                  hostKeyProblem = new SshError(
                    `host key of ${target.name} is unknown (${verdict.keyType} ${verdict.fingerprint}); not trusted`,
                    'hostkey',
                  );
                  return verify(false);
                }
                if (!target.hostKey) appendKnownHost(knownHostsFile, target.host, target.port, keyBlob);
                verify(true);
              },
              () => verify(false),
            );
          },
        });
      }),
  );
}
