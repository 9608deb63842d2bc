import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { normalizeSettings, settingsFromConfigurationChange, settingsFromInitOptions } from '../../server/src/lsp/settings';
import { defaultSettings } from '../../server/src/lsp/state';
import { toLspDiagnostics } from '../../server/src/lsp/toLspDiagnostics';
import { ROOT } from '../helpers/paths';

test('the VS Code client shape (package.json names) is read', () => {
  const s = normalizeSettings({
    validation: { enable: false, debounceMs: 40 },
    diagnostics: { severityOverrides: { 'deprecated-keyword': 'hint', bogus: 'loud' } },
    format: { indentWidth: 2 },
    cluster: { file: 'ops/cluster.json' },
    keepalivedVersion: '2.2.7',
  });
  assert.deepEqual(s, {
    validation: { enable: false, debounceMs: 40 },
    severityOverrides: { 'deprecated-keyword': 'hint' },
    format: { indentWidth: 2, indentWidthSet: true },
    clusterFile: 'ops/cluster.json',
    keepalivedVersion: '2.2.7',
  });
});

test('the flat ServerSettings shape is read, and bad values fall back to defaults', () => {
  const s = normalizeSettings({ severityOverrides: { x: 'off' }, clusterFile: 'c.json', validation: { debounceMs: -5 }, keepalivedVersion: 'latest', format: { indentWidth: 'wide' } });
  assert.deepEqual(s.severityOverrides, { x: 'off' });
  assert.equal(s.clusterFile, 'c.json');
  assert.equal(s.validation.debounceMs, 0);
  assert.equal(s.validation.enable, true);
  assert.equal(s.keepalivedVersion, undefined);
  assert.equal(s.format.indentWidth, defaultSettings.format.indentWidth);
  assert.deepEqual(normalizeSettings(null), { ...defaultSettings, clusterFile: undefined, keepalivedVersion: undefined });
});

test('settings are found where clients put them', () => {
  const inner = { validation: { debounceMs: 7 } };
  assert.equal(settingsFromInitOptions({ settings: inner }), inner);
  assert.equal(settingsFromInitOptions({ settings: { keepalived: inner } }), inner);
  assert.equal(settingsFromInitOptions(inner), inner);
  assert.equal(settingsFromConfigurationChange({ settings: { keepalived: inner } }), inner);
  assert.equal(settingsFromConfigurationChange({ settings: null }), undefined);
});

test('diagnostics keep code and fix, gain source and related URIs, and follow overrides', () => {
  const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };
  const fix = [{ title: 'Replace', range, newText: 'advert_int' }];
  const input = [
    { range, severity: 'error' as const, code: 'cluster-vrid-mismatch' as const, message: 'A', related: [{ file: '/x/backup.conf', range, message: 'peer' }], fix },
    { range, severity: 'warning' as const, code: 'duplicate-keyword' as const, message: 'B' },
    { range, severity: 'hint' as const, code: 'sync-group-single' as const, message: 'C' },
  ];
  const out = toLspDiagnostics(input, { 'duplicate-keyword': 'information', 'sync-group-single': 'off' }, (p) => `file://${p}`);
  assert.equal(out.length, 2);
  assert.deepEqual(out[0], {
    range,
    severity: DiagnosticSeverity.Error,
    code: 'cluster-vrid-mismatch',
    source: 'keepalived',
    codeDescription: { href: pathToFileURL(join(ROOT, 'docs/rules/cluster-vrid-mismatch.md')).href },
    message: 'A',
    relatedInformation: [{ location: { uri: 'file:///x/backup.conf', range }, message: 'peer' }],
    data: { fix },
  });
  assert.ok(existsSync(fileURLToPath(out[0].codeDescription!.href)), 'the rule page exists');
  assert.equal(out[1].severity, DiagnosticSeverity.Information);
  assert.equal(out[1].relatedInformation, undefined);
});
