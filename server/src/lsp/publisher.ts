import type { Connection, Diagnostic } from 'vscode-languageserver';

/**
 * Sends publishDiagnostics only for files whose diagnostics differ from what the client last got, and
 * an empty list for files that dropped out of the analysis, so stale entries never linger.
 */
export class DiagnosticsPublisher {
  private readonly last = new Map<string, string>();
  /** the list last sent for each URI: the same list again is the same diagnostics, without comparing */
  private readonly lastList = new Map<string, Diagnostic[]>();

  constructor(private readonly connection: Connection) {}

  /** Returns the URIs it sent. */
  publish(next: ReadonlyMap<string, Diagnostic[]>): string[] {
    const sent: string[] = [];
    for (const [uri, diagnostics] of next) {
      if (this.lastList.get(uri) === diagnostics) continue;
      this.lastList.set(uri, diagnostics);
      const key = JSON.stringify(diagnostics);
      if (this.last.get(uri) === key) continue;
      this.last.set(uri, key);
      void this.connection.sendDiagnostics({ uri, diagnostics });
      sent.push(uri);
    }
    for (const uri of [...this.last.keys()]) {
      if (next.has(uri)) continue;
      this.last.delete(uri);
      this.lastList.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      sent.push(uri);
    }
    return sent;
  }

  clearAll(): void {
    this.publish(new Map());
  }
}
