/**
 * What the deploy engine needs from the language core, as injectable functions
 * (the real ones live in server/src/analysis; tests and front-ends pass them in).
 */
export interface FileDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export interface ConfigFacts {
  instances: { name: string; state?: string; priority?: number; vrid?: number; iface?: string; vips: string[] }[];
  virtualServers: {
    address?: string;
    port?: number;
    lbKind?: string;
    realServers: { address: string; port?: number }[];
  }[];
}

export interface AnalysisFns {
  lintFiles(paths: string[]): FileDiagnostic[];
  configFacts(path: string): ConfigFacts;
}
