import type { Workspace } from '../workspace';
import type { ConfigUnit, FileDiagnostic } from '../unit';

/**
 * A main config (with everything it includes) that holds no statement at all: keepalived starts with it
 * and does nothing, so deploying it to a director silently stops that director serving. Only a file that
 * is empty or comments only is flagged: a config of global_defs alone is a choice, not a slip.
 */
export function checkEmptyConfig(workspace: Workspace, unit: ConfigUnit): FileDiagnostic[] {
  const parsed = unit.files.map((f) => workspace.parsed(f));
  if (parsed.some((p) => !p || p.statements.length > 0)) return [];
  return [
    {
      file: unit.root,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'warning',
      code: 'empty-config',
      message: 'This config declares nothing (it is empty or comments only): keepalived would run with no VRRP instance and no virtual server',
    },
  ];
}
