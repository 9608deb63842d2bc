/** The real-world corpus (test/corpus/real-world): its files and the rows of its SOURCES.md. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/paths';

export const DIR = join(ROOT, 'test', 'corpus', 'real-world');

export interface Source {
  file: string;
  repository: string;
  licence: string;
  configId?: string;
}

/** The rows of SOURCES.md's table. */
export function sources(): Source[] {
  const rows = readFileSync(join(DIR, 'SOURCES.md'), 'utf8').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| file '));
  return rows.map((row) => {
    const [file, repository, , , licence, configId] = row.split('|').slice(1, -1).map((c) => c.trim());
    return { file, repository, licence, configId: configId || undefined };
  });
}

export function corpusFiles(dir = DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return name.endsWith('.md') || name.endsWith('.json') ? [] : [relative(DIR, path)];
  });
}
