import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClusterFile, DEFAULT_REMOTE_CONFIG, DEFAULT_RELOAD_COMMAND, DEFAULT_RESTART_COMMAND } from '../../server/src/deploy/clusterFile';
import { readFileSync } from 'node:fs';
import { shellQuote } from '../../server/src/deploy/shellQuote';
import { redactConfigSecrets, Redactor } from '../../server/src/deploy/redact';
import { execFileSync } from 'node:child_process';

test('defaults: remote path, reload command, port, user; config resolved from the cluster file directory', () => {
  const r = parseClusterFile('{"directors":[{"host":"lvs1.example.com","config":"conf/master.conf"}]}', '/ws');
  assert.ok(r.ok);
  const d = r.spec.directors[0];
  assert.equal(d.remotePath, DEFAULT_REMOTE_CONFIG);
  assert.equal(d.reloadCommand, DEFAULT_RELOAD_COMMAND);
  assert.equal(d.restartCommand, DEFAULT_RESTART_COMMAND);
  assert.equal(d.port, 22);
  assert.equal(d.user, 'root');
  assert.equal(d.config, '/ws/conf/master.conf');
  assert.equal(d.name, 'lvs1.example.com');
});

test('hostile host names are refused with positions, before anything connects', () => {
  const text = `{
  "directors": [
    { "host": "10.0.0.1; touch /tmp/x", "config": "a.conf" },
    { "host": "-oProxyCommand=sh", "config": "b.conf" }
  ],
  "realServers": [{ "host": "web1", "user": "root$(id)", "vips": ["1.2.3.4/32"] }]
}`;
  const r = parseClusterFile(text, '/ws');
  assert.equal(r.ok, false);
  if (r.ok) return;
  const at = r.errors.map((e) => `${e.span.start.line + 1}:${e.span.start.character + 1} ${e.message}`);
  assert.ok(at.some((m) => m.startsWith('3:15 host') && m.includes('not a host name')), at.join('\n'));
  assert.ok(at.some((m) => m.startsWith('4:15 host')), at.join('\n'));
  assert.ok(at.some((m) => m.startsWith('6:45 user')), at.join('\n'));
  assert.ok(at.some((m) => m.includes('VIP must be an IPv4 or IPv6 address')), at.join('\n'));
});

test('JSON syntax errors, unknown keys, relative remote paths and bad fingerprints are reported', () => {
  const bad = parseClusterFile('{\n  "directors": [ }', '/ws');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.errors[0].span.start.line, 1);
  const r = parseClusterFile(
    '{"directors":[{"host":"a","config":"x","remotePath":"etc/k.conf","hostKey":"MD5:aa","colour":1}]}',
    '/ws',
  );
  assert.equal(r.ok, false);
  if (!r.ok) {
    const msgs = r.errors.map((e) => e.message).join('\n');
    assert.match(msgs, /remotePath must be an absolute/);
    assert.match(msgs, /hostKey must be a SHA256 fingerprint/);
    assert.match(msgs, /unknown property 'colour'/);
  }
});

test('JSON syntax errors name the problem at its line and column (1-based here)', () => {
  const cases: [string, string][] = [
    ['{\n  "directors": [ }', "2:18 unexpected character '}'"],
    ['{"directors":[],}', '1:17 expected a property name in double quotes'],
    ['{\n "directors": [],\n "ssh" {}\n}', "3:8 expected ':' after the property name"],
    ['{"directors":[]} 5', '1:18 unexpected text after the end of the document'],
    ['{"directors":"x\ny"}', '1:16 line break inside a string'],
    ['{"directors":"abc', '1:14 unterminated string'],
    ['{"directors":["a\\q"]}', '1:15 invalid escape in string'],
    ['// note\n{"directors":[]}', '1:1 comments are not allowed in JSON'],
    ['{"directors":[1 2]}', "1:17 expected ','"],
    ['   ', '1:4 unexpected end of file'],
  ];
  for (const [text, expected] of cases) {
    const r = parseClusterFile(text, '/ws');
    assert.equal(r.ok, false, text);
    if (r.ok) continue;
    assert.equal(r.errors.length, 1, text);
    const e = r.errors[0];
    assert.equal(`${e.span.start.line + 1}:${e.span.start.character + 1} ${e.message}`, expected, text);
  }
  // A byte order mark is blank space, and it keeps the columns of what follows.
  const bom = parseClusterFile('\uFEFF{"directors":[{"host":"bad host","config":"a"}]}', '/ws');
  assert.equal(bom.ok, false);
  if (!bom.ok) assert.equal(bom.errors[0].span.start.character, 23);
});

test('shellQuote survives a real shell for hostile strings', () => {
  for (const s of ["a b", "$(id)", "`id`", "it's", '"dq"', "a;b&c|d", "~/x", "*", "\\n", "-rf"]) {
    const out = execFileSync('sh', ['-c', `printf %s ${shellQuote(s)}`], { encoding: 'utf8' });
    assert.equal(out, s);
  }
});

test('auth_pass is masked in configs and diffs; typed secrets are masked everywhere', () => {
  assert.equal(redactConfigSecrets('    auth_pass s3cr3t\n'), '    auth_pass ********\n');
  assert.equal(redactConfigSecrets('-        auth_pass old1\n+auth_pass "new 2"'), '-        auth_pass ********\n+auth_pass ********');
  const r = new Redactor();
  r.addSecret('hunter22');
  assert.equal(r.redact('password was hunter22!'), 'password was ********!');
});

test('restartCommand: taken from the cluster file, must be a string, and the JSON Schema describes it too', () => {
  const r = parseClusterFile('{"directors":[{"host":"a","config":"a.conf","restartCommand":"rc-service keepalived restart"}]}', '/ws');
  assert.ok(r.ok);
  assert.equal(r.spec.directors[0].restartCommand, 'rc-service keepalived restart');
  const bad = parseClusterFile('{"directors":[{"host":"a","config":"a.conf","restartCommand":7}]}', '/ws');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.deepEqual(bad.errors.map((e) => e.message), ['restartCommand must be a string']);

  // Every director property the schema offers in the editor is one the parser accepts.
  const schema = JSON.parse(readFileSync(new URL('../../schemas/keepalived-cluster.schema.json', import.meta.url), 'utf8'));
  const props: Record<string, { type?: string; enum?: string[]; $ref?: string }> = schema.properties.directors.items.properties;
  const sample = (name: string, p: { type?: string; enum?: string[]; $ref?: string }) =>
    p.enum ? p.enum[0] : name === 'port' ? 22 : name === 'password' ? false : name === 'hostKey' ? `SHA256:${'A'.repeat(43)}` : name === 'remotePath' ? '/etc/k.conf' : name === 'host' ? 'h1' : 'x';
  const director = Object.fromEntries(Object.entries(props).map(([k, p]) => [k, sample(k, p)]));
  assert.ok('restartCommand' in director);
  const all = parseClusterFile(JSON.stringify({ directors: [director] }), '/ws');
  assert.ok(all.ok, JSON.stringify(!all.ok && all.errors));
});
