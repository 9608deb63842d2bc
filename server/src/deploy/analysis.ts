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
  /** `keepalivedVersion`: lint for that release (newer keywords are reported) */
  lintFiles(paths: string[], options?: { keepalivedVersion?: string }): FileDiagnostic[];
  configFacts(path: string): ConfigFacts;
  /** facts of a config given as text (a host's current file); no includes followed */
  configFactsFromText?(text: string): ConfigFacts;
  /** source ranges that feed a secret, and the secret values, by the parsed meaning */
  secretSpans?(text: string): { ranges: { start: number; end: number }[]; values: string[] };
}
