// track_group blocks and the static addresses, routes and rules that name one (vrrp_parser.c,
// vrrp_ipaddress.c, vrrp_iproute.c, vrrp_iprule.c). keepalived looks a name up the moment it reads the line,
// so a track_group defined further down the same file is "not found" as surely as one never defined.
import { collect, type ConfigUnit, type FileDiagnostic } from '../unit';

export function checkTrackGroups(unit: ConfigUnit): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const groups = collect(unit, 'trackGroups');
  const instanceNames = new Set(collect(unit, 'instances').map((e) => e.item.name));
  for (const { file, item } of groups) {
    const memberList = item.statement.block?.statements.find((s) => s.name === 'group');
    if (memberList && item.members.length === 0) {
      out.push({ file, range: memberList.keyword.range, severity: 'warning', code: 'empty-group', message: `Track group '${item.name}' lists no vrrp_instance: keepalived warns, and the group follows nothing` });
    }
    for (const member of item.members) {
      if (instanceNames.has(member.value)) continue;
      out.push({
        file,
        range: member.word.range,
        severity: 'warning',
        code: 'undefined-reference',
        message: `Track group member '${member.value}' is not a vrrp_instance of this configuration: keepalived leaves it out of the group when it starts`,
      });
    }
  }

  for (const { file, item: block } of collect(unit, 'staticBlocks')) {
    for (const line of block.block?.statements ?? []) {
      let found = false;
      for (let i = 0; i < line.args.length; i++) {
        if (line.args[i].text !== 'track_group') continue;
        const name = line.args[i + 1];
        if (!name) break; // the address options' check reports the missing value
        if (found) {
          // a route line is then left with words keepalived calls trailing nonsense, and the route is dropped
          const outcome = block.name === 'static_routes' ? 'drops the route' : "reads none of the line's options after it";
          out.push({ file, range: line.args[i].range, severity: 'error', code: 'duplicate-keyword', message: `A second track_group on one line: keepalived reports it and ${outcome}` });
          break;
        }
        const definitions = groups.filter((g) => g.item.name === name.text);
        // at one offset both come from one `$NAME` line, read in order
        found = definitions.some((g) => g.file !== file || g.item.statement.start <= line.start);
        if (found) continue;
        out.push({
          file,
          range: name.range,
          severity: 'error',
          code: 'undefined-reference',
          message:
            definitions.length > 0
              ? `track_group '${name.text}' is defined further down: keepalived looks the name up as it reads this line, does not find it, and the entry follows no group`
              : `track_group '${name.text}' names no track_group of this configuration: keepalived ignores it, and the entry follows no group`,
        });
        i++;
      }
    }
  }
  return out;
}
