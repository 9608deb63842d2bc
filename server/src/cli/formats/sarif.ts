// SARIF 2.1.0, the format code-scanning services (GitHub's among them) read. Every rule of the registry is
// listed with its page (helpUri), each result names its rule by id and index, and a finding that concerns other
// places (the peer director's value, the first definition) carries them as relatedLocations.
import { pathToFileURL } from 'node:url';
import { RULE_CODES, RULES, isRuleCode } from '../../rules/registry';
import { ruleDocUrl } from '../../rules/docsLocation';
import { RULE_DOCS } from '../../rules/ruleDocs';
import type { PrintedDiagnostic, PrintedLocation } from '../resultCache';
import { displayPath, type ReportContext } from './context';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = 'SRCROOT';

/** a path as SARIF wants it: relative to SRCROOT (the working directory) when inside it, else a file: URI */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(file, cwd);
  if (shown === file) return { uri: pathToFileURL(file).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function physical(l: Omit<PrintedLocation, 'message'>, cwd: string) {
  return {
    artifactLocation: artifactLocation(l.file, cwd),
    region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn },
  };
}

export function sarifLog(diagnostics: readonly PrintedDiagnostic[], context: ReportContext): object {
  const rules = RULE_CODES.map((code) => {
    const rule = RULES[code];
    const helpUri = ruleDocUrl(code, context.rulesUrl);
    const doc = RULE_DOCS[code];
    return {
      id: code,
      // a friendly name, left out where it would only repeat the id (SARIF wants them different)
      ...(code.includes('-') ? { name: code.replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase()) } : {}),
      shortDescription: { text: `${rule.summary}.` },
      fullDescription: { text: doc.explanation },
      help: { text: `${doc.explanation}\n\nFix: ${doc.fix}` },
      ...(helpUri ? { helpUri } : {}),
      defaultConfiguration: { level: LEVEL[rule.severity] },
      properties: { tags: [rule.category] },
    };
  });
  // the rules' index page stands for the tool's documentation
  const informationUri = ruleDocUrl('README', context.rulesUrl);
  const index = new Map<string, number>(RULE_CODES.map((code, i) => [code, i]));
  const results = diagnostics.map((d) => ({
    ruleId: d.code,
    ...(isRuleCode(d.code) ? { ruleIndex: index.get(d.code) } : {}),
    level: LEVEL[d.severity] ?? 'note',
    message: { text: d.message },
    locations: [{ physicalLocation: physical(d, context.cwd) }],
    ...(d.related?.length
      ? { relatedLocations: d.related.map((r, id) => ({ id, physicalLocation: physical(r, context.cwd), message: { text: r.message } })) }
      : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'keepalived-lint', version: context.version, semanticVersion: context.version, ...(informationUri ? { informationUri } : {}), rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(context.cwd.endsWith('/') ? context.cwd : `${context.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(diagnostics: readonly PrintedDiagnostic[], context: ReportContext): string {
  return JSON.stringify(sarifLog(diagnostics, context), null, 2);
}
