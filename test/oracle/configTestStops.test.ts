/**
 * keepalived 2.2.5 to 2.2.7 send their own `keepalived -t` SIGTERM when they check a script run as another user
 * than root (notify.c's parent test after switching users). Held to both releases: 2.2.7 stops exactly on the
 * configs where the linter reports config-test-stops for 2.2.7; 2.4.3 never does, and the linter says nothing for it.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { KeepalivedOracle, ORACLE_BINARIES, showMessage } from '../helpers/keepalived';

const INSTANCE = (...lines: string[]) => ['vrrp_instance VI_1 {', '    state BACKUP', '    interface eth0', '    virtual_router_id 51', '    priority 100', ...lines.map((l) => `    ${l}`), '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '}'];
const SCRIPT = (...lines: string[]) => ['vrrp_script chk {', '    script "/bin/true"', ...lines.map((l) => `    ${l}`), '}'];
const TRACKED = INSTANCE('track_script {', '    chk', '}');
const MISC = (...lines: string[]) => ['virtual_server 192.0.2.10 80 {', '    lb_algo rr', '    lb_kind NAT', '    protocol TCP', '    real_server 192.0.2.11 80 {', '        MISC_CHECK {', '            misc_path /bin/true', ...lines.map((l) => `            ${l}`), '        }', '    }', '}'];

/** each case, and whether 2.2.7's -t stops itself on it */
const CASES: Record<string, { config: string[]; stops: boolean }> = {
  'a tracked script run as nobody': { config: [...SCRIPT('user nobody'), ...TRACKED], stops: true },
  'an unused script run as nobody': { config: [...SCRIPT('user nobody'), ...INSTANCE()], stops: true },
  'a script run as root with another group': { config: [...SCRIPT('user root nogroup'), ...TRACKED], stops: true },
  'a script run as root': { config: [...SCRIPT('user root'), ...TRACKED], stops: false },
  'a notify script with a user': { config: INSTANCE('notify_master "/bin/true" nobody'), stops: true },
  'a global script_user with a notify script': { config: ['global_defs {', '    script_user nobody', '}', ...INSTANCE('notify_master "/bin/true"')], stops: true },
  'a global script_user with a sync group notify script': { config: ['global_defs {', '    script_user nobody', '}', 'vrrp_sync_group G {', '    group {', '        VI_1', '    }', '    notify_master "/bin/true"', '}', ...INSTANCE()], stops: true },
  'a global script_user and no script': { config: ['global_defs {', '    script_user nobody', '}', ...INSTANCE()], stops: false },
  'a MISC_CHECK run as nobody': { config: MISC('user nobody'), stops: true },
  'a MISC_CHECK without a user': { config: MISC(), stops: false },
};

describe("scripts run as another user and 2.2.7's keepalived -t", () => {
  for (const oracle of ORACLE_BINARIES) {
    it(`keepalived ${oracle.version} stops its -t exactly where the linter says it will`, { timeout: 60_000 }, async () => {
      const keepalived = new KeepalivedOracle(oracle);
      try {
        const names = Object.keys(CASES);
        const results = await keepalived.checkAll(names.map((name) => `${CASES[name].config.join('\n')}\n`));
        const stopped: string[] = [];
        names.forEach((name, i) => {
          const { exitCode, messages } = results[i];
          const said = lintFiles([results[i].path], { keepalivedVersion: oracle.version }).filter((d) => d.code === 'config-test-stops');
          assert.equal(said.length > 0, exitCode === 143, `${name}: keepalived exit ${exitCode} [${messages.map(showMessage).join(' | ')}]; linter: ${said.map((d) => d.message).join(' | ') || 'nothing'}`);
          if (exitCode === 143) stopped.push(name);
        });
        const expected = oracle.version === '2.2.7' ? names.filter((n) => CASES[n].stops) : [];
        assert.deepEqual(stopped, expected);
      } finally {
        keepalived.dispose();
      }
    });
  }
});
