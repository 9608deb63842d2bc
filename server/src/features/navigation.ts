import { ResponseError, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { containsPosition } from '../syntax/position';
import { occurrenceAt, type NameKind, type NameOccurrence } from './nameIndex';
import { clusterFiles, indexed, indexedAll, unitFiles, type FeatureState } from './related';

/**
 * Definition, references and rename of named objects and `$` parameters. A name is looked up in the
 * configuration the file belongs to; references and renames also reach the cluster's other directors,
 * because the cluster checks pair their objects by name (renaming VI_1 on one director only would
 * split the pair).
 */

const NAVIGABLE = new Set<NameKind>(['vrrp_script', 'vrrp_instance', 'vrrp_sync_group', 'virtual_server_group', 'track_file', 'track_process', 'bfd_instance', 'parameter']);

interface Target {
  path: string;
  occurrence: NameOccurrence;
}

function targetAt(state: FeatureState, path: string, position: Position): Target | undefined {
  const here = indexed(state, path);
  if (!here) return undefined;
  const occurrence = occurrenceAt(here.index, here.file.lines.offsetAt(position));
  return occurrence && NAVIGABLE.has(occurrence.kind) ? { path, occurrence } : undefined;
}

function occurrencesOf(state: FeatureState, files: readonly string[], kind: NameKind, name: string): Target[] {
  const out: Target[] = [];
  for (const { path, index } of indexedAll(state, files)) {
    for (const occurrence of index.occurrences) if (occurrence.kind === kind && occurrence.name === name) out.push({ path, occurrence });
  }
  return out;
}

function toLocation(state: FeatureState, target: Target): Location {
  return { uri: state.pathToUri(target.path), range: target.occurrence.range };
}

export function definition(state: FeatureState, path: string, position: Position): Location[] {
  const target = targetAt(state, path, position);
  if (!target) return includedFilesAt(state, path, position);
  const { kind, name } = target.occurrence;
  const own = occurrencesOf(state, unitFiles(state, path), kind, name).filter((t) => t.occurrence.role === 'define');
  const found = own.length ? own : occurrencesOf(state, clusterFiles(state, path), kind, name).filter((t) => t.occurrence.role === 'define');
  return found.map((t) => toLocation(state, t));
}

/** On an include's pattern: the files it reads in, each from its start */
function includedFilesAt(state: FeatureState, path: string, position: Position): Location[] {
  const start: Position = { line: 0, character: 0 };
  const include = state.workspace.includes(path).find((link) => link.statement.args[0] && containsPosition(link.statement.args[0].range, position));
  return include ? include.targets.map((target) => ({ uri: state.pathToUri(target), range: { start, end: start } })) : [];
}

export function references(state: FeatureState, path: string, position: Position, includeDeclaration: boolean): Location[] {
  const target = targetAt(state, path, position);
  if (!target) return [];
  const { kind, name } = target.occurrence;
  return occurrencesOf(state, clusterFiles(state, path), kind, name)
    .filter((t) => includeDeclaration || t.occurrence.role !== 'define')
    .map((t) => toLocation(state, t));
}

export function prepareRename(state: FeatureState, path: string, position: Position): { range: Range; placeholder: string } | null {
  const target = targetAt(state, path, position);
  return target ? { range: target.occurrence.range, placeholder: target.occurrence.name } : null;
}

/** A name keepalived reads back as the same single word. */
function validName(kind: NameKind, name: string): boolean {
  if (kind === 'parameter') return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
  return /^[^\s{}#!"'\\$]+$/.test(name) && !name.startsWith('@') && !name.startsWith('~');
}

export function rename(state: FeatureState, path: string, position: Position, newName: string): WorkspaceEdit | null {
  const target = targetAt(state, path, position);
  if (!target) return null;
  const { kind, name } = target.occurrence;
  if (!validName(kind, newName)) {
    throw new ResponseError(-32602, `'${newName}' is not a valid ${kind === 'parameter' ? 'parameter' : kind} name: use one word without quotes, braces, '#', '!' or '$'`);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const t of occurrencesOf(state, clusterFiles(state, path), kind, name)) {
    const uri = state.pathToUri(t.path);
    (changes[uri] ??= []).push({ range: t.occurrence.range, newText: newName });
  }
  return { changes };
}
