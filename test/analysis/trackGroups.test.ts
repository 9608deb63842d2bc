import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintTexts } from '../helpers/lint';

const INSTANCE = 'vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    192.0.2.10/24\n  }\n}\n';
const GROUP = (members: string) => `track_group tg {\n  group {\n    ${members}\n  }\n}\n`;

describe('track groups', () => {
  it('finds a group defined in a file included before the line, and warns of a member that is no instance', () => {
    const findings = lintTexts({
      'keepalived.conf': `include groups.conf\n${INSTANCE}static_ipaddress {\n  192.0.2.50/24 dev eth0 track_group tg\n}\n`,
      'groups.conf': GROUP('VI_1 VI_7'),
    }, { lint: ['keepalived.conf'] });
    assert.deepEqual(findings.map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character}`), ['undefined-reference 3:9']);
    assert.match(findings[0].message, /'VI_7' is not a vrrp_instance/);
  });

  it('reads nothing of a second group of one name, and warns of an empty member list', () => {
    const findings = lintTexts({ 'keepalived.conf': `${INSTANCE}${GROUP('VI_1')}${GROUP('VI_9')}track_group empty {\n  group {\n  }\n}\n` });
    assert.deepEqual(findings.map((d) => `${d.code} ${d.range.start.line + 1}`), ['duplicate-name 13', 'empty-group 19']);
  });
});
