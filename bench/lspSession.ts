import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type InitializeResult,
  type Range,
} from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../client/src/bundle-role';
import { SERVER_BUNDLE } from './paths';

export const uriOf = (path: string) => pathToFileURL(path).href;

/** The bundled language server over stdio, debounce 0, with the memory probe preloaded, under the V8 flags it ships with. */
export class LspSession {
  private readonly listeners = new Set<(uri: string, diagnostics: Diagnostic[], at: number) => void>();
  private readonly versions = new Map<string, number>();
  /** every file's latest diagnostics */
  readonly latest = new Map<string, Diagnostic[]>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    readonly memoryFile: string,
  ) {}

  static start(): LspSession {
    const memoryFile = join(tmpdir(), `kabench-mem-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    // KA_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under the benchmark's load
    // (given after the server's own flags, which the VS Code client starts it with, so it can override them)
    const extra = process.env.KA_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extra, '--expose-gc', '--require', join(__dirname, 'memoryProbe.cjs'), SERVER_BUNDLE, '--stdio'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, KA_BENCH_MEMORY_FILE: memoryFile },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection, memoryFile);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = performance.now();
      session.latest.set(p.uri, p.diagnostics);
      for (const listener of session.listeners) listener(p.uri, p.diagnostics, at);
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    return session;
  }

  async initialize(folder: string): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: 'bench' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions: { settings: { validation: { enable: true, debounceMs: 0 } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Resolves with the arrival time of the first publishDiagnostics for `uri` that satisfies `accept`. */
  nextPublish(uri: string, accept: (d: Diagnostic[]) => boolean, timeoutMs = 120_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no publishDiagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (u: string, d: Diagnostic[], at: number) => {
        if (u !== uri || !accept(d)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(at);
      };
      this.listeners.add(listener);
    });
  }

  /** Resolves once every uri has had diagnostics published (the first full analysis is done). */
  async allPublished(uris: readonly string[], timeoutMs = 300_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (uris.some((u) => !this.latest.has(u))) {
      if (Date.now() > deadline) throw new Error(`diagnostics never published for ${uris.filter((u) => !this.latest.has(u)).join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async open(path: string, text: string): Promise<void> {
    this.versions.set(path, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf(path), languageId: 'keepalived', version: 1, text } });
  }

  async edit(path: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    const sentAt = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uriOf(path), version }, contentChanges: [{ range, text }] });
    return sentAt;
  }

  /** Heap (after a full GC) and RSS of the server process, via the preloaded probe. */
  async memory(): Promise<{ heapUsedMB: number; rssMB: number; peakRssMB: number }> {
    rmSync(this.memoryFile, { force: true });
    this.child.kill('SIGUSR2');
    const deadline = Date.now() + 10_000;
    while (!existsSync(this.memoryFile)) {
      if (Date.now() > deadline) throw new Error('memory probe did not answer');
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 20));
    const usage = JSON.parse(readFileSync(this.memoryFile, 'utf8')) as NodeJS.MemoryUsage;
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    rmSync(this.memoryFile, { force: true });
    return { heapUsedMB: usage.heapUsed / 2 ** 20, rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 };
  }

  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
