import type { CodeLens, Range } from 'vscode-languageserver';
import { collect, type ConfigUnit } from '../analysis/unit';
import type { VirtualServerView } from '../syntax/views';
import { effectivePriority, effectiveState } from './effectiveDefaults';
import { differingLines, meaningfulLines } from './blockDiff';
import type { FeatureState } from './related';

/** Client commands the lenses run (the VS Code client registers both). */
export const OPEN_PEER_COMMAND = 'keepalived.openPeer';
export const DIFF_BLOCKS_COMMAND = 'keepalived.diffBlocks';

/** One side of a block diff: where the block is, and a name for the diff editor's title. */
export interface BlockRef {
  uri: string;
  range: Range;
  label: string;
}

const base = (path: string) => path.split('/').pop() ?? path;

function serviceKey(vs: VirtualServerView): string {
  if (vs.form === 'fwmark') return `fwmark ${vs.fwmark?.value ?? '?'}`;
  if (vs.form === 'group') return `group ${vs.group?.value ?? '?'}`;
  return `${vs.address?.value ?? '?'} ${vs.port?.value ?? ''}`;
}

/**
 * Above each vrrp_instance, the same instance on each peer director ("BACKUP in backup.conf · priority
 * 100", jumping there); above each virtual_server, whether the peer's has the same lines, with a diff.
 */
export function peerLenses(state: FeatureState & { directorName?(path: string): string | undefined }, path: string): CodeLens[] {
  // a service is "on" a director: its name in the cluster file when there is one, else its config's file name
  const director = (unit: ConfigUnit) => state.directorName?.(unit.root) ?? base(unit.root);
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  if (!file) return [];
  const cluster = state.analysis().clusters.find((c) => c.members.some((u) => u.files.includes(path)));
  if (!cluster || cluster.members.length < 2) return [];
  const own = cluster.members.find((u) => u.files.includes(path))!;
  const peers = cluster.members.filter((u) => u !== own);
  const lenses: CodeLens[] = [];
  const view = own.views.get(path);
  if (!view) return [];

  for (const instance of view.instances) {
    for (const peer of peers) {
      for (const { file: where, item } of collect(peer, 'instances')) {
        if (item.name !== instance.name) continue;
        const stateText = item.state ? item.state.value : `${effectiveState(item)} (default)`;
        const priority = item.priority ? String(item.priority.value) : `${effectivePriority(item)} (default)`;
        lenses.push({
          range: instance.statement.keyword.range,
          command: {
            title: `${stateText} in ${base(where)} · priority ${priority}`,
            command: OPEN_PEER_COMMAND,
            arguments: [state.pathToUri(where), item.statement.keyword.range],
          },
        });
      }
    }
  }

  for (const vs of view.virtualServers) {
    const key = serviceKey(vs);
    for (const peer of peers) {
      const match = peerService(peer, key);
      if (!match) {
        lenses.push({ range: vs.statement.keyword.range, command: { title: `not on ${director(peer)}`, command: '' } });
        continue;
      }
      const mine = blockText(state, path, vs);
      const theirs = blockText(state, match.file, match.vs);
      const differing = differingLines(meaningfulLines(mine), meaningfulLines(theirs));
      const left: BlockRef = { uri: state.pathToUri(path), range: vs.statement.range, label: base(path) };
      const right: BlockRef = { uri: state.pathToUri(match.file), range: match.vs.statement.range, label: base(match.file) };
      lenses.push({
        range: vs.statement.keyword.range,
        command:
          differing === 0
            ? { title: `same on ${director(peer)}`, command: OPEN_PEER_COMMAND, arguments: [right.uri, match.vs.statement.keyword.range] }
            : { title: `differs on ${director(peer)}: ${differing} line${differing === 1 ? '' : 's'}`, command: DIFF_BLOCKS_COMMAND, arguments: [left, right] },
      });
    }
  }
  return lenses;
}

function peerService(peer: ConfigUnit, key: string): { file: string; vs: VirtualServerView } | undefined {
  for (const { file, item } of collect(peer, 'virtualServers')) if (serviceKey(item) === key) return { file, vs: item };
  return undefined;
}

function blockText(state: FeatureState, path: string, vs: VirtualServerView): string {
  const file = state.workspace.parsedWithEveryConditionalLine(path);
  return file ? file.text.slice(vs.statement.start, vs.statement.end) : '';
}
