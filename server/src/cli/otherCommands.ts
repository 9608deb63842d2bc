// keepalived-lint's commands other than linting: --list-rules and --print-config.
import type { FileSystem } from '../analysis/diskFileSystem';
import { configuredSeverity, notIgnored } from '../analysis/lintConfig';
import { ruleDocUrl } from '../rules/docsLocation';
import { RULE_CODES, RULES } from '../rules/registry';
import type { CliOptions } from './lintArgs';
import { loadLintConfig } from './lintRun';

export function listRules(options: Pick<CliOptions, 'format' | 'rulesUrl'>): string {
  const rows = RULE_CODES.map((code) => {
    const rule = RULES[code];
    return { code, severity: rule.severity, category: rule.category, summary: rule.summary, fix: 'fix' in rule ? rule.fix : undefined, url: ruleDocUrl(code, options.rulesUrl) };
  });
  if (options.format === 'json') return JSON.stringify(rows, null, 2);
  const width = Math.max(...rows.map((r) => r.code.length));
  return rows.map((r) => `${r.code.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(9)}  ${r.summary}${r.fix === 'safe' ? ' (--fix)' : ''}`).join('\n');
}

/** the settings that apply when linting options.printConfigFor, as JSON */
export function printConfig(options: CliOptions, fs: FileSystem): string {
  const file = options.printConfigFor!;
  const config = loadLintConfig(options, file, fs);
  const rules = Object.fromEntries(
    RULE_CODES.map((code) => {
      const severity = configuredSeverity(config, code, RULES[code].severity);
      return [code, severity === undefined ? 'off' : severity === 'information' ? 'info' : severity];
    }),
  );
  return JSON.stringify(
    {
      configFile: config.path ?? null,
      keepalivedVersion: options.keepalivedVersion ?? config.keepalivedVersion ?? null,
      ignored: notIgnored(config, [file]).length === 0,
      ignore: config.ignore,
      clusters: config.clusters,
      rules,
    },
    null,
    2,
  );
}
