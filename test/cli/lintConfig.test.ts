// .keepalived-lint.json / .yaml: found upward from the linted file, or named by --config; its severities,
// target version, ignored files and clusters; --print-config; and its JSON Schema (which VS Code completes
// from) agreeing with the reader on what is valid.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { diskFileSystem } from '../../server/src/analysis/diskFileSystem';
import { LintConfigError, readLintConfig } from '../../server/src/analysis/lintConfig';
import { lintConfigSchema } from '../../server/src/rules/configSchema';
import { RULE_CODES } from '../../server/src/rules/registry';
import { ROOT } from '../helpers/paths';
import { runCli, tempTree } from './runCli';

const TWICE = 'global_defs {\n    router_id a\n    router_id b\n    vrrp_delay_after_boot 10\n}\n';

describe('the config file', () => {
  it('is found upward from the file and sets severities, the target version and ignored files', () => {
    const dir = tempTree({
      '.keepalived-lint.json': JSON.stringify({ rules: { 'duplicate-keyword': 'error' }, keepalivedVersion: '2.2.7', ignore: ['lb/generated/*.conf'] }),
      'lb/keepalived.conf': TWICE,
      'lb/generated/x.conf': 'bogus_keyword 1\n',
    });
    const run = runCli(['lb/keepalived.conf', 'lb/generated/x.conf'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^lb\/keepalived\.conf:3:5: error: .*\[duplicate-keyword\]$/m);
    assert.match(run.stdout, /\[newer-keyword\]$/m, 'keepalivedVersion 2.2.7 applies');
    assert.doesNotMatch(run.stdout, /generated/, 'ignored file not linted');
    // the command line's version wins over the file's
    assert.doesNotMatch(runCli(['--keepalived-version', '2.4.3', 'lb/keepalived.conf'], { cwd: dir }).stdout, /newer-keyword/);
  });

  it('YAML works too, "off" hides a rule, and --config names a file elsewhere', () => {
    const dir = tempTree({ 'conf/.keepalived-lint.yaml': '# team settings\nrules:\n  duplicate-keyword: "off"\n  newer-keyword: info\nkeepalivedVersion: "2.2.7"\n', 'k.conf': TWICE });
    const run = runCli(['--config', 'conf/.keepalived-lint.yaml', 'k.conf'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /duplicate-keyword/);
    assert.match(run.stdout, /^k\.conf:4:5: information: .*\[newer-keyword\]$/m);
    assert.equal(runCli(['--config', 'conf/.keepalived-lint.yaml', '--fail-on', 'info', 'k.conf'], { cwd: dir }).status, 1);
  });

  it('a bad config file exits 2 naming the file and the setting', () => {
    const cases: [string, RegExp][] = [
      ['{"rules": {"no-such-rule": "off"}}', /'no-such-rule' is not a keepalived-lint code/],
      ['{"rules": {"deprecated": "loud"}}', /"rules"."deprecated" must be off, info, warning or error/],
      ['{"keepalivedVersion": "two"}', /"keepalivedVersion" wants a release number/],
      ['{"colour": 1}', /unknown setting "colour"/],
      ['{"rules": ', /not valid JSON/],
    ];
    for (const [text, message] of cases) {
      const dir = tempTree({ '.keepalived-lint.json': text, 'k.conf': TWICE });
      const run = runCli(['k.conf'], { cwd: dir });
      assert.equal(run.status, 2, text);
      assert.match(run.stderr, /^keepalived-lint: .*\.keepalived-lint\.json: /);
      assert.match(run.stderr, message);
    }
  });

  it('--print-config shows the settings that apply to a file', () => {
    const dir = tempTree({ '.keepalived-lint.json': JSON.stringify({ rules: { 'vrid-conflict': 'warning', deprecated: 'off' }, ignore: ['old.conf'] }), 'k.conf': TWICE });
    const shown = JSON.parse(runCli(['--print-config', 'old.conf'], { cwd: dir }).stdout);
    assert.equal(shown.configFile, join(dir, '.keepalived-lint.json'));
    assert.equal(shown.ignored, true);
    assert.equal(shown.rules['vrid-conflict'], 'warning');
    assert.equal(shown.rules.deprecated, 'off');
    assert.equal(shown.rules['unknown-keyword'], 'error');
    assert.deepEqual(Object.keys(shown.rules), RULE_CODES);
  });
});

describe('the config file JSON Schema', () => {
  const schema = lintConfigSchema();

  it('schemas/keepalived-lint.schema.json is the generated one, and package.json gives it to VS Code', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(ROOT, 'schemas/keepalived-lint.schema.json'), 'utf8')), schema);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.ok(manifest.contributes.jsonValidation.some((v: { fileMatch: string; url: string }) => v.fileMatch === '.keepalived-lint.json' && v.url === './schemas/keepalived-lint.schema.json'));
  });

  it('accepts and rejects what the reader accepts and rejects', () => {
    const validate = new Ajv({ strict: true }).compile(schema);
    const samples: unknown[] = [
      {},
      { rules: { deprecated: 'off', 'vrid-conflict': 'info' }, keepalivedVersion: '2.2.7', ignore: ['a/*.conf'], clusters: [['a.conf', 'b.conf']] },
      { rules: { nope: 'off' } },
      { rules: { deprecated: 'fatal' } },
      { keepalivedVersion: '2.x' },
      { ignore: 'a.conf' },
      { clusters: [[]] },
      { extra: true },
      [],
    ];
    for (const sample of samples) {
      const dir = tempTree({ '.keepalived-lint.json': JSON.stringify(sample) });
      let readerAccepts = true;
      try {
        readLintConfig(join(dir, '.keepalived-lint.json'), diskFileSystem);
      } catch (error) {
        assert.ok(error instanceof LintConfigError);
        readerAccepts = false;
      }
      assert.equal(validate(sample), readerAccepts, JSON.stringify(sample));
    }
  });
});
