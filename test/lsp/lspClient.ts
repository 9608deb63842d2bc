import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type Range,
  type Registration,
  type RegistrationParams,
} from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers/paths';

export const uriOf = (path: string) => pathToFileURL(path).href;

interface Published {
  uri: string;
  diagnostics: Diagnostic[];
  at: number;
}

/** A minimal LSP client over the real server process's stdio, recording every publishDiagnostics. */
export class LspTestClient {
  readonly published: Published[] = [];
  readonly registrations: Registration[] = [];
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  /** `env` replaces the server's environment (e.g. a PATH with a chosen keepalived). */
  static start(env?: NodeJS.ProcessEnv): LspTestClient {
    // KA_LSP_BUNDLE=dist/server.js runs the same tests against the esbuild bundle (after `npm run build`); an
    // absolute path runs another copy (the installed npm package's)
    const bundle = process.env.KA_LSP_BUNDLE;
    const args = bundle ? [resolve(ROOT, bundle), '--stdio'] : ['--import', 'tsx', join(ROOT, 'server/src/lsp/main.ts'), '--stdio'];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: env ?? process.env,
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    child.stderr!.on('data', (chunk) => (client.stderr += chunk));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.published.push({ uri: params.uri, diagnostics: params.diagnostics, at: performance.now() });
      client.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onRequest(RegistrationRequest.method, (params: RegistrationParams) => {
      client.registrations.push(...params.registrations);
      client.waiters.splice(0).forEach((wake) => wake());
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    return client;
  }

  async initialize(folder: string, capabilities: ClientCapabilities, initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: 'cluster' }],
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(path: string, text: string): Promise<void> {
    this.versions.set(path, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: uriOf(path), languageId: 'keepalived', version: 1, text },
    });
  }

  /** One incremental edit; returns the time it was sent (performance.now()). */
  async edit(path: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    const sentAt = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uriOf(path), version },
      contentChanges: [{ range, text }],
    });
    return sentAt;
  }

  async fileEvents(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** The latest diagnostics published for a file (undefined: never published). */
  latest(path: string): Published | undefined {
    const uri = uriOf(path);
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /** Resolves once `condition` holds, re-checked on every message; rejects after `timeoutMs`. */
  async waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; published: ${JSON.stringify(this.published.slice(-6), null, 1)}\nstderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.process.kill();
    }
    const timer = setTimeout(() => this.process.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

/** Finds `needle` in `text` and returns its 0-based range (the first occurrence; it may span lines). */
export function rangeOf(text: string, needle: string): Range {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`'${needle}' not in text`);
  const positionAt = (at: number) => {
    const before = text.slice(0, at).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: positionAt(offset), end: positionAt(offset + needle.length) };
}
