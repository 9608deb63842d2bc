/**
 * The real `keepalived -t` on request (issue 15 item 6), the way terraform-ls validates on save: run on
 * this machine, or on a director of keepalived-cluster.json over SSH (host keys verified by SshSession),
 * and its messages turned into diagnostics on their lines, leaving out lines the linter already flags.
 * Nothing here runs unless the user asked (a setting, off by default, or the command), and the VS Code
 * client never calls it in Restricted Mode.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { shellQuote } from './shellQuote';
import { MARK_STAGED, marked, stageScript } from './remoteFiles';
import type { DirectorSpec, ClusterSpec } from './clusterFile';
import { SshSession, type SshCallbacks } from './ssh';
import { removeScript, validateConfigScript, MARK_NO_KEEPALIVED } from './remoteOps';
import { SIGTERM_STATUS, silentStopReason } from './silentStop';

export const BINARY_CHECK_SOURCE = 'keepalived -t';

export interface BinaryMessage {
  /** the file keepalived names, when it names one */
  file?: string;
  /** 1-based, when keepalived gives one */
  line?: number;
  text: string;
}

export interface BinaryCheck {
  exitCode: number;
  messages: BinaryMessage[];
}

const LOCATED = /^\((?:(.*?): )?Line (\d+)\) (.*)$/;

function withReason(exitCode: number, messages: BinaryMessage[]): BinaryCheck {
  const reason = silentStopReason(exitCode);
  return { exitCode, messages: reason ? [...messages, { text: reason }] : messages };
}

/** keepalived's messages, one a line: `(FILE: Line N) text`, `(Line N) text`, or bare text. */
export function parseBinaryMessages(output: string, renamed?: { from: string; to: string }): BinaryMessage[] {
  const messages: BinaryMessage[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = LOCATED.exec(line);
    const file = m?.[1] && renamed && m[1] === renamed.from ? renamed.to : m?.[1];
    messages.push(m ? { file: file || undefined, line: Number(m[2]), text: m[3] } : { text: line });
  }
  return messages;
}

/** Runs `BINARY -t -e -f FILE` here (no shell: the path is one argument). */
export function checkLocally(binary: string, file: string, timeoutMs = 20_000): Promise<BinaryCheck> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-t', '-e', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (err) => reject(new Error(`cannot run ${binary}: ${err.message}`)));
    // a SIGTERM this process did not send (no timeout) came from keepalived itself
    child.on('close', (code, signal) => {
      const exitCode = code ?? (signal === 'SIGTERM' && !child.killed ? SIGTERM_STATUS : -1);
      resolve(withReason(exitCode, parseBinaryMessages(output)));
    });
  });
}

/**
 * Copies the config to a scratch file on the director, runs its keepalived -t there (includes resolve
 * as they do on that host) and removes the copy. Messages about the copy are told about `file`.
 */
export async function checkOnDirector(spec: ClusterSpec, director: DirectorSpec, file: string, text: string, callbacks: SshCallbacks, signal?: AbortSignal): Promise<BinaryCheck> {
  const session = await SshSession.connect(director, spec.ssh, callbacks, signal);
  // beside the deployed config, so relative includes resolve as they will there; /tmp on a fresh director
  const home = dirname(director.remotePath);
  const where = await session.exec(`if [ -d ${shellQuote(home)} ] && [ -w ${shellQuote(home)} ]; then echo beside; fi`);
  const base = where.stdout.includes('beside') ? director.remotePath : '/tmp/keepalived.conf';
  // a mktemp file (0600, random name) beside it: the config may hold auth_pass
  const staged = await session.exec(stageScript(base), { stdin: text });
  const scratch = marked(staged.stdout, MARK_STAGED)[0];
  if (staged.code !== 0 || !scratch) {
    session.close();
    throw new Error(`cannot copy the config to ${director.name}: ${staged.stderr.trim() || `exit ${staged.code}`}`);
  }
  try {
    const run = await session.exec(validateConfigScript(scratch));
    if (run.stdout.includes(MARK_NO_KEEPALIVED)) throw new Error(`keepalived is not installed on ${director.name}`);
    return withReason(run.code ?? -1, parseBinaryMessages(run.stderr + run.stdout, { from: scratch, to: file }));
  } finally {
    await session.exec(removeScript(scratch)).catch(() => undefined);
    session.close();
  }
}

export interface LineFinding {
  /** 0-based */
  line: number;
  message: string;
}

/**
 * The messages about `file` (or about no file: keepalived names none for the main config in some
 * versions) on the lines where the linter said nothing; unlocated ones go on the first line.
 */
export function newFindings(check: BinaryCheck, file: string, linterLines: ReadonlySet<number>): LineFinding[] {
  const out: LineFinding[] = [];
  for (const m of check.messages) {
    if (m.file && m.file !== file) continue;
    const line = m.line ? m.line - 1 : 0;
    if (m.line && linterLines.has(line)) continue;
    out.push({ line, message: m.text });
  }
  return out;
}
