// A backslash at the end of a line: keepalived continues only a $NAME definition; elsewhere the backslash
// stays on the line's last word (2.2.7 and 2.4.3: `virtual_router_id 51 \` is "invalid number '51\'").
// Before 2.4.0 a backslash ending a comment did the same to the text before the comment.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';
import { conf } from '../helpers/text';

const instance = (...lines: string[]) => conf('vrrp_instance VI_1 {', '    interface eth0', ...lines, '    priority 100', '    virtual_ipaddress {', '        192.0.2.10', '    }', '}');
const found = (text: string, keepalivedVersion = '2.4.3') => lintTexts({ 'keepalived.conf': text }, { keepalivedVersion }).map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.code}`);

describe('a backslash ending a line', () => {
  it('stays on the last word, which keepalived then reads (both releases)', () => {
    for (const version of ['2.2.7', '2.4.3']) {
      const diagnostics = lintTexts({ 'keepalived.conf': instance('    virtual_router_id 51 \\') }, { keepalivedVersion: version });
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.code}`), ['3:22 invalid-number', '3:25 ending-backslash']);
      assert.match(diagnostics[0].message, /'51\\'/);
      assert.match(diagnostics[1].message, /reads '51\\'/);
    }
  });

  it('a vrrp_script ending in an escaped backslash: dropped before 2.3.2, kept as written after', () => {
    const text = conf('vrrp_script chk {', '    script /bin/true\\\\', '}', 'vrrp_script other {', '    script /bin/true\\\\ arg', '}');
    const lint = (keepalivedVersion: string) => lintTexts({ 'keepalived.conf': text }, { keepalivedVersion }).filter((d) => d.code === 'ending-backslash');
    const old = lint('2.3.1');
    assert.deepEqual(old.map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.severity}`), ['2:20 error']);
    assert.match(old[0].message, /No script set for vrrp_script chk/);
    assert.deepEqual(lint('2.3.2'), []);
  });

  it('on a line keepalived splits again: an error where its process crashes, a warning where it drops a notify script', () => {
    const lint = (text: string) => lintTexts({ 'keepalived.conf': text }).filter((d) => d.code === 'ending-backslash');
    const script = lint(conf('vrrp_script chk {', '    script /bin/true\\', '}'));
    assert.deepEqual(script.map((d) => d.severity), ['error']);
    assert.match(script[0].message, /VRRP process then crashes/);
    const checkers = lint(conf('virtual_server 192.0.2.10 80 {', '    real_server 192.0.2.20 80 {', '        MISC_CHECK {', '            misc_path /bin/true\\', '        }', '        HTTP_GET {', '            url {', '                path /', '                regex ok\\', '            }', '        }', '    }', '}'));
    assert.deepEqual(checkers.map((d) => `${d.range.start.line + 1} ${d.severity}`), ['4 error', '9 error']);
    for (const d of checkers) assert.match(d.message, /checker process then crashes/);
    const notify = lint(instance('    notify_master /bin/true\\'));
    assert.deepEqual(notify.map((d) => d.severity), ['warning']);
    assert.match(notify[0].message, /ignores this script/);
  });

  it('ending a comment counts only before 2.4.0', () => {
    const text = instance('    virtual_router_id 51   # the router \\');
    assert.deepEqual(found(text, '2.2.7'), ['3:40 ending-backslash']);
    assert.match(lintTexts({ 'keepalived.conf': text }, { keepalivedVersion: '2.2.7' })[0].message, /reads '51\\'/);
    assert.deepEqual(found(text, '2.4.3'), []);
    // a comment line of its own becomes a line holding only the backslash
    assert.match(lintTexts({ 'keepalived.conf': conf('# a note \\', ...instance('    virtual_router_id 51')) }, { keepalivedVersion: '2.2.7' })[0].message, /a line '\\'/);
  });

  it('is no finding where it continues a definition, is escaped, or stands on a line this config id drops', () => {
    const definition = conf('$VIPS=192.0.2.10 \\', '    192.0.2.11', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    priority 100', '    virtual_ipaddress {', '        $VIPS', '    }', '}');
    assert.deepEqual(found(definition, '2.2.7'), []);
    assert.deepEqual(found(instance('    virtual_router_id 51 # escaped \\\\'), '2.2.7'), []);
    const dropped = lintTexts({ 'keepalived.conf': instance('@low virtual_router_id 52 \\', '@high virtual_router_id 51') }, { keepalivedVersion: '2.4.3', configIds: ['high'] });
    assert.deepEqual(dropped.map((d) => d.code), []);
  });
});
