/**
 * keepalived-deploy: the deploy engine from a terminal.
 *   keepalived-deploy deploy [--dry-run] [--trust-new-host-keys] [--force-lint-errors] [--allow-empty] [--cluster FILE]
 *   keepalived-deploy rollback [--cluster FILE]
 *   keepalived-deploy status [--cluster FILE]
 * Exit codes: 0 done, 1 failed (nothing changed, or every host changed was rolled back — a verify
 * failure included), 2 usage or cluster-file errors, 4 a rollback failed (check by hand), 5 a host's state
 * is unknown (its switch was interrupted and could not be checked: check by hand), 6 another deploy holds
 * a host's lock (nothing changed), 130 cancelled (SIGINT or SIGTERM; hosts already changed were rolled back).
 * (3, "deployed but verification found problems", is gone: a verify failure now rolls back.)
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CLUSTER_FILE_NAME, formatClusterErrors, parseClusterFile, type ClusterSpec } from './clusterFile';
import { deploy, type DeployEvents } from './engine';
import { deployExitCode, deployFailureMessage, rolledBackHosts } from './outcomeReport';
import { rollback } from './rollback';
import { clusterStatus, formatStatus } from './status';
import { realAnalysis } from './realAnalysis';
import type { SecretRequest } from './ssh';

const USAGE = `usage: keepalived-deploy deploy [--dry-run] [--trust-new-host-keys] [--force-lint-errors] [--allow-empty] [--cluster FILE]
       keepalived-deploy rollback [--cluster FILE]
       keepalived-deploy status [--cluster FILE]`;

interface Args {
  command: 'deploy' | 'rollback' | 'status';
  cluster: string;
  dryRun: boolean;
  trustNew: boolean;
  forceLint: boolean;
  allowEmpty: boolean;
}

export function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== 'deploy' && command !== 'rollback' && command !== 'status') return USAGE;
  const args: Args = { command, cluster: CLUSTER_FILE_NAME, dryRun: false, trustNew: false, forceLint: false, allowEmpty: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--dry-run' && command === 'deploy') args.dryRun = true;
    else if (a === '--trust-new-host-keys') args.trustNew = true;
    else if (a === '--force-lint-errors' && command === 'deploy') args.forceLint = true;
    else if (a === '--allow-empty' && command === 'deploy') args.allowEmpty = true;
    else if (a === '--cluster' && rest[i + 1]) args.cluster = rest[++i];
    else if (a.startsWith('--cluster=')) args.cluster = a.slice('--cluster='.length);
    else return `unknown option '${a}'\n${USAGE}`;
  }
  return args;
}

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(undefined);
  process.stderr.write(prompt);
  return new Promise((resolveLine) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0003' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          return resolveLine(ch === '\u0003' ? undefined : value);
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

function terminalEvents(trustNew: boolean): DeployEvents {
  return {
    log: (line) => process.stdout.write(`${line}\n`),
    progress: () => undefined, // every progress message is also a log line
    confirmHostKey: async (host, verdict) => {
      process.stderr.write(
        `${host}: unknown host key ${verdict.keyType} ${verdict.fingerprint}` +
          (trustNew ? ' — trusted (--trust-new-host-keys) and added to known_hosts\n' : ' — refusing; check it and rerun with --trust-new-host-keys, or pin it as "hostKey" in the cluster file\n'),
      );
      return trustNew;
    },
    askSecret: (req: SecretRequest) =>
      readHidden(req.kind === 'passphrase' ? `passphrase for ${req.keyFile}: ` : `password for ${req.host}: `),
  };
}

function loadCluster(file: string): ClusterSpec | string {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return `cannot read the cluster file ${path}: ${(err as Error).message}`;
  }
  const parsed = parseClusterFile(text, dirname(path));
  return parsed.ok ? parsed.spec : formatClusterErrors(path, parsed.errors);
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const spec = loadCluster(args.cluster);
  if (typeof spec === 'string') {
    process.stderr.write(`${spec}\n`);
    return 2;
  }
  const ac = new AbortController();
  // SIGINT (Ctrl-C) and SIGTERM cancel: the engine rolls back what it changed, then the command exits.
  const onSigint = () => {
    process.stderr.write('\ncancelling…\n');
    ac.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const events = terminalEvents(args.trustNew);
  try {
    if (args.command === 'status') {
      const st = await clusterStatus({ spec, analysis: realAnalysis, callbacks: events, signal: ac.signal });
      process.stdout.write(`${formatStatus(st)}\n`);
      const healthy =
        st.directors.every((d) => d.reachable) &&
        st.realServers.every((r) => r.running) &&
        st.vips.every((v) => v.heldBy.length === 1);
      return healthy ? 0 : 1;
    }
    if (args.command === 'rollback') {
      const r = await rollback({ spec, analysis: realAnalysis, events, signal: ac.signal });
      if (r.hosts.some((h) => /another deploy is running/.test(h.message))) return 6;
      return r.ok ? 0 : 1;
    }
    const res = await deploy({
      spec,
      analysis: realAnalysis,
      dryRun: args.dryRun,
      forceLintErrors: args.forceLint,
      allowEmpty: args.allowEmpty,
      events,
      signal: ac.signal,
    });
    for (const h of res.hosts) {
      const t = h.timings;
      process.stdout.write(
        `${h.name} (${h.role}): ${h.state}  connect ${t.connect ?? '-'} ms, stage ${t.stage ?? '-'} ms, commit ${t.commit ?? '-'} ms, verify ${t.verify ?? '-'} ms\n`,
      );
    }
    for (const h of rolledBackHosts(res)) process.stdout.write(`${h.ok ? 'rolled back' : 'ROLLBACK FAILED'} ${h.name}: ${h.why}\n`);
    if (!res.ok) process.stderr.write(`${deployFailureMessage(res)}\n`);
    return deployExitCode(res);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

// Run when executed (bundled dist/deploy.js or `node --import tsx cli.ts`), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(?:deploy\.js|deploy[/\\]cli\.ts)$/.test(invoked)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`keepalived-deploy: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    },
  );
}
