// The .keepalived-lint.json/.yaml files as the language server uses them: each config file's nearest one
// (as the CLI finds it), read once and kept until a config file changes on disk. The editor's own settings
// win over it (server.ts merges them). A broken one is logged and then treated as absent.
import { basename, dirname } from 'node:path';
import { diskFileSystem, type FileSystem } from '../analysis/diskFileSystem';
import { CONFIG_NAMES, DEFAULT_CONFIG, findLintConfig, ignores, readLintConfig, type LintConfig } from '../analysis/lintConfig';
import type { ServerSettings } from './state';

type Overrides = ServerSettings['severityOverrides'];

export function isLintConfigFile(path: string): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(basename(path));
}

export class LintConfigs {
  private readonly byDir = new Map<string, LintConfig>();
  /** asked for every file at every analysis: remembered per file too */
  private readonly byFile = new Map<string, LintConfig>();
  private readonly ignored = new Map<LintConfig, (path: string) => boolean>();
  readonly problems: string[] = [];

  constructor(private readonly fs: FileSystem = diskFileSystem) {}

  forFile(path: string): LintConfig {
    let config = this.byFile.get(path);
    if (!config) this.byFile.set(path, (config = this.forDirectory(dirname(path))));
    return config;
  }

  forDirectory(dir: string): LintConfig {
    let config = this.byDir.get(dir);
    if (!config) {
      const found = findLintConfig(dir, this.fs);
      config = DEFAULT_CONFIG;
      if (found) {
        try {
          config = readLintConfig(found, this.fs);
        } catch (error) {
          this.problems.push((error as Error).message);
        }
      }
      this.byDir.set(dir, config);
    }
    return config;
  }

  isIgnored(path: string): boolean {
    const config = this.forFile(path);
    if (config.ignore.length === 0) return false;
    let ignored = this.ignored.get(config);
    if (!ignored) this.ignored.set(config, (ignored = ignores(config)));
    return ignored(path);
  }

  /** the config's rule levels as editor overrides, under the editor's own */
  overridesFor(path: string, editor: Overrides): Overrides {
    const levels: Overrides = {};
    for (const [code, level] of Object.entries(this.forFile(path).rules)) levels[code] = level === 'info' ? 'information' : level;
    return { ...levels, ...editor };
  }

  clear(): void {
    this.byDir.clear();
    this.byFile.clear();
    this.ignored.clear();
  }
}
