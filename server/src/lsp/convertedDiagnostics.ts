// Each analysis hands every file's findings to the client. A file whose findings are the very same list as
// before (its component was not analysed again: ../analysis/incremental.ts) under the same settings gets
// the same LSP list back, unconverted, and the publisher sees at once that nothing changed.
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { LintConfig } from '../analysis/lintConfig';
import type { Diagnostic } from '../syntax';
import type { LiveState } from './liveState';
import type { ServerSettings } from './state';
import { toLspDiagnostics } from './toLspDiagnostics';

type Overrides = ServerSettings['severityOverrides'];

interface Converted {
  config: LintConfig;
  editor: Overrides;
  ignored: boolean;
  lsp: LspDiagnostic[];
}

export class ConvertedDiagnostics {
  private readonly memo = new WeakMap<readonly Diagnostic[], Converted>();

  constructor(private readonly state: LiveState) {}

  /** `found` (the analysis's findings for `path`) as published: the lint config's ignores and levels applied */
  convert(path: string, found: readonly Diagnostic[], editor: Overrides): LspDiagnostic[] {
    const configs = this.state.lintConfigs;
    const config = configs.forFile(path);
    const ignored = configs.isIgnored(path);
    const known = this.memo.get(found);
    if (known && known.config === config && known.editor === editor && known.ignored === ignored) return known.lsp;
    const lsp = toLspDiagnostics(ignored ? [] : found, configs.overridesFor(path, editor), (p) => this.state.pathToUri(p));
    this.memo.set(found, { config, editor, ignored, lsp });
    return lsp;
  }
}
