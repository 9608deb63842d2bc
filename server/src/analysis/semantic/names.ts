import { includeDirective } from '../../schema';
import type { FileDiagnostic, ConfigUnit, Located } from '../unit';
import { collect } from '../unit';
import type { Statement } from '../../syntax';
import { lvsSyncInstance } from './globalOptions';

interface Named {
  name: string;
  statement: Statement;
}

/**
 * Two definitions of one name, never what the author meant. keepalived rejects a second vrrp_instance,
 * vrrp_sync_group or track_group (`rejected`); of the other kinds it keeps both and every reference finds the first.
 */
function duplicates(kind: string, items: Located<Named>[], out: FileDiagnostic[], rejected = false): void {
  const seen = new Map<string, Located<Named>>();
  for (const entry of items) {
    const name = entry.item.name;
    if (!name) continue;
    const earlier = seen.get(name);
    if (earlier) {
      out.push({
        file: entry.file,
        range: entry.item.statement.args[0]?.range ?? entry.item.statement.keyword.range,
        severity: rejected ? 'error' : 'warning',
        code: 'duplicate-name',
        message: rejected
          ? `${kind} '${name}' is defined twice; keepalived skips the second definition unread, block and all`
          : `${kind} '${name}' is defined twice; keepalived keeps both, and every reference to the name uses the first`,
        related: [{ file: earlier.file, range: earlier.item.statement.range, message: 'first definition' }],
      });
    } else {
      seen.set(name, entry);
    }
  }
}

export function checkNames(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const instances = collect(unit, 'instances');
  const scripts = collect(unit, 'scripts');
  const groups = collect(unit, 'syncGroups');
  const trackFiles = collect(unit, 'trackFiles');
  const trackProcesses = collect(unit, 'trackProcesses');
  const vsGroups = collect(unit, 'virtualServerGroups');
  const bfdInstances = collect(unit, 'bfdInstances');
  duplicates('vrrp_instance', collect(unit, 'instances', { skipped: true }), out, true);
  duplicates('vrrp_script', scripts, out);
  duplicates('vrrp_sync_group', collect(unit, 'syncGroups', { skipped: true }), out, true);
  duplicates('track_group', collect(unit, 'trackGroups', { skipped: true }), out, true);
  duplicates('track_file', trackFiles, out);
  duplicates('track_process', trackProcesses, out);
  duplicates('virtual_server_group', vsGroups, out);
  duplicates('bfd_instance', bfdInstances, out, true);

  const names = (list: Located<Named>[]) => new Set(list.map((e) => e.item.name));
  const scriptNames = names(scripts);
  const fileNames = names(trackFiles);
  const processNames = names(trackProcesses);
  const instanceNames = names(instances);
  const vsGroupNames = names(vsGroups);

  const byKind: Record<string, Located<Named>[]> = { vrrp_script: scripts, track_file: trackFiles, track_process: trackProcesses, bfd_instance: bfdInstances };
  /**
   * The definition, when it stands in the same file after `offset` (keepalived reads one file top down). Both
   * at one offset come from one `$NAME` line, whose expansion keepalived reads in order: not later.
   */
  function definedLater(kind: string, name: string, file: string, offset: number): Statement | undefined {
    const definitions = byKind[kind].filter((d) => d.item.name === name);
    if (definitions.some((d) => d.file !== file || d.item.statement.start <= offset)) return undefined;
    return definitions[0]?.item.statement;
  }

  for (const { file, item } of instances) {
    const refs: [string, { name: string; statement: Statement }[], Set<string>, string][] = [
      ['track_script', item.trackScripts, scriptNames, 'vrrp_script'],
      ['track_file', item.trackFiles, fileNames, 'track_file'],
      ['track_process', item.trackProcesses, processNames, 'track_process'],
    ];
    for (const [keyword, list, defined, kind] of refs) {
      for (const ref of list) {
        if (includeDirective(ref.name)) continue; // an include line, whose file lists the references
        if (defined.has(ref.name)) {
          const later = definedLater(kind, ref.name, file, ref.statement.start);
          if (later) {
            out.push({
              file,
              range: ref.statement.keyword.range,
              severity: 'error',
              code: 'reference-before-definition',
              message: `${keyword} '${ref.name}' is used before its ${kind} is defined (line ${later.range.start.line + 1}); keepalived looks names up as it reads, so it ignores this reference. Move the ${kind} above this instance`,
              related: [{ file, range: later.range, message: `${kind} ${ref.name}` }],
            });
          }
          continue;
        }
        out.push({
          file,
          range: ref.statement.keyword.range,
          severity: 'error',
          code: 'undefined-reference',
          message: `${keyword} '${ref.name}' names no ${kind} in this configuration; keepalived ignores it and nothing is tracked`,
        });
      }
    }
  }

  const membership = new Map<string, Located<Named>>();
  for (const { file, item } of groups) {
    // what keepalived keeps of the list: instances that exist and are in no group yet (vrrp_sync.c)
    let kept = 0;
    for (const member of item.members) {
      if (instanceNames.has(member.value) && !membership.has(member.value)) kept++;
      if (!instanceNames.has(member.value)) {
        out.push({
          file,
          range: member.word.range,
          severity: 'error',
          code: 'undefined-reference',
          message: `Sync group member '${member.value}' is not a vrrp_instance of this configuration`,
        });
      }
      const other = membership.get(member.value);
      if (other && other.item.name !== item.name) {
        out.push({
          file,
          range: member.word.range,
          severity: 'error',
          code: 'instance-in-two-sync-groups',
          message: `vrrp_instance '${member.value}' is already in sync group '${other.item.name}'; an instance can belong to one group only`,
          related: [{ file: other.file, range: other.item.statement.range, message: `sync group ${other.item.name}` }],
        });
      } else {
        membership.set(member.value, { file, item });
      }
    }
    const memberList = item.statement.block?.statements.find((s) => s.name === 'group');
    if (item.members.length === 0 && memberList) {
      out.push({
        file,
        range: memberList.keyword.range,
        severity: 'warning',
        code: 'empty-group',
        message: `Sync group '${item.name}' lists no vrrp_instance: keepalived removes the group`,
      });
    }
    if (item.members.length > 0 && kept === 0) {
      out.push({
        file,
        range: item.statement.keyword.range,
        severity: 'warning',
        code: 'empty-group',
        message: `Sync group '${item.name}' keeps no instance (each is undefined or already in a group): keepalived removes the group`,
      });
    }
    if (kept === 1) {
      out.push({
        file,
        range: item.statement.keyword.range,
        severity: 'warning',
        code: 'sync-group-single',
        message: `Sync group '${item.name}' has only one instance; a group only matters with two or more`,
      });
    }
  }

  // keepalived looks up lvs_sync_daemon's instance when it starts, and without it runs no sync daemon (vrrp.c;
  // keepalived -t stops before that)
  for (const { file, item } of collect(unit, 'globalDefs')) {
    for (const sync of item.block?.statements.filter((s) => s.name === 'lvs_sync_daemon') ?? []) {
      const named = lvsSyncInstance(sync);
      if (!named || instanceNames.has(named.text)) continue;
      out.push({ file, range: named.range, severity: 'error', code: 'undefined-reference', message: `lvs_sync_daemon names '${named.text}', which is no vrrp_instance of this configuration: keepalived clears the setting when it starts and runs no sync daemon` });
    }
  }

  // a checker that follows a track_file or a bfd_instance looks it up as keepalived reads the line: one not
  // defined by then leaves the checker without it, and keepalived drops the checker (check_file.c, check_bfd.c)
  const followed: Record<string, [string, string, Set<string>]> = {
    FILE_CHECK: ['track_file', 'track_file', fileNames],
    BFD_CHECK: ['name', 'bfd_instance', names(bfdInstances)],
  };
  for (const { file, item } of collect(unit, 'virtualServers')) {
    for (const checker of item.realServers.flatMap((rs) => rs.statement.block?.statements ?? [])) {
      const follows = followed[checker.name];
      if (!follows) continue;
      const [keyword, kind, defined] = follows;
      for (const line of checker.block?.statements.filter((s) => s.name === keyword && s.args.length === 1) ?? []) {
        const name = line.args[0].text;
        const later = defined.has(name) ? definedLater(kind, name, file, line.start) : undefined;
        if (defined.has(name) && !later) continue;
        out.push({
          file,
          range: line.args[0].range,
          severity: 'error',
          code: later ? 'reference-before-definition' : 'undefined-reference',
          message: later
            ? `${kind} '${name}' is defined further down (line ${later.range.start.line + 1}); keepalived looks it up as it reads this line, so it drops this ${checker.name}. Move the ${kind} above the virtual_server`
            : `${checker.name}'s ${keyword} '${name}' names no ${kind} in this configuration: keepalived drops this ${checker.name}`,
          related: later ? [{ file, range: later.range, message: `${kind} ${name}` }] : undefined,
        });
      }
    }
  }

  for (const { file, item } of collect(unit, 'virtualServers')) {
    if (item.group && !vsGroupNames.has(item.group.value)) {
      out.push({
        file,
        range: item.group.word.range,
        severity: 'error',
        code: 'undefined-reference',
        message: `virtual_server_group '${item.group.value}' is not defined in this configuration: keepalived drops this virtual_server without a word, so the service is never set up`,
      });
    }
  }
  return out;
}
