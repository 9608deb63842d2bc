/**
 * Real configurations whose tokenization is pinned by snapshot files in test/grammar/snapshots/.
 * The upstream samples are read from shared/ beside the checkout and are not copied into the project.
 */
import { existsSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const GRAMMAR_FILE = join(PROJECT_ROOT, 'syntaxes/keepalived.tmLanguage.json');
export const SNAPSHOT_DIR = join(PROJECT_ROOT, 'test/grammar/snapshots');

export function corpusDir(): string {
  return process.env.KEEPALIVED_CORPUS ?? resolve(PROJECT_ROOT, '../shared/corpus/keepalived-samples');
}

const UPSTREAM_SAMPLES = [
  'keepalived.conf.sample',
  'keepalived.conf.vrrp.sync',
  'keepalived.conf.conditional_conf',
  'keepalived.conf.IPv6',
  'keepalived.conf.virtual_server_group',
  'keepalived.conf.misc_check_arg',
];
const PROJECT_EXAMPLES = ['examples/master.conf', 'examples/backup.conf'];

export interface SnapshotCase {
  /** the configuration file as it lives on disk */
  source: string;
  /** its snapshot, named after the source */
  snapshot: string;
}

export function snapshotCases(): SnapshotCase[] {
  const sources = [
    ...UPSTREAM_SAMPLES.map((name) => join(corpusDir(), name)),
    ...PROJECT_EXAMPLES.map((path) => join(PROJECT_ROOT, path)),
  ];
  return sources.map((source) => ({ source, snapshot: join(SNAPSHOT_DIR, `${basename(source)}.snap`) }));
}

/**
 * vscode-tmgrammar-snap keeps `<file>.snap` beside each file, so every case is copied into a scratch
 * directory (with its snapshot when one exists) and the tool runs there.
 */
export function stageCases(cases: readonly SnapshotCase[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ka-grammar-snap-'));
  for (const { source, snapshot } of cases) {
    copyFileSync(source, join(dir, basename(source)));
    if (existsSync(snapshot)) copyFileSync(snapshot, join(dir, basename(snapshot)));
  }
  return dir;
}
