/**
 * global_defs keywords read option by option (semantic/globalOptions.ts; the message table holds the configs
 * keepalived complains about): the valid spellings, where keepalived 2.2.7 and 2.4.3 print nothing and the
 * linter must stay as quiet.
 */
import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { lintFiles } from '../../server/src/analysis/lint';
import { configLines, KEEPALIVED_RELEASES } from '../helpers/interfaceLab';
import { describeQuiet } from '../helpers/quietConfigs';

const INSTANCE = ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress {', '        192.0.2.10/24', '    }', '}'];
const globals = (...lines: string[]) => ['global_defs {', ...lines.map((l) => `    ${l}`), '}', ...INSTANCE];

const QUIET: Record<string, string[]> = {
  'lvs_sync_daemon with every option': globals('lvs_sync_daemon eth0 inst VI_1 id 5 maxlen 1400 port 8848 ttl 1 group 224.0.0.81'),
  'lvs_sync_daemon in the old positional form, without a sync id': globals('lvs_sync_daemon eth0 VI_1'),
  'lvs_sync_daemon with an IPv6 multicast group': globals('lvs_sync_daemon eth0 inst VI_1 group ff02::81'),
  'umask in octal': globals('umask 0077'),
  'umask in hex': globals('umask 0x3f'),
  'umask in decimal': globals('umask 63'),
  "umask bits joined by '|' in one word": globals('umask IRUSR|IWUSR|IXGRP'),
  "umask bits joined by a separate '|'": globals('umask IROTH | IWOTH'),
  'vrrp_rx_bufs_policy MTU in lower case': globals('vrrp_rx_bufs_policy mtu'),
  'vrrp_rx_bufs_policy in bytes': globals('vrrp_rx_bufs_policy 65536'),
  'nftables tables by their default names': globals('nftables', 'nftables_ipvs'),
  'nftables table names of 254 bytes, the longest every release takes': globals(`nftables ${'v'.repeat(254)}`, `nftables_ipvs ${'i'.repeat(254)}`),
  'startup and shutdown scripts, quoted with arguments and bare': globals('enable_script_security', 'script_user root', 'startup_script "/usr/bin/true start"', "shutdown_script /usr/bin/true"),
  'a startup script with leading blanks in its quotes': globals('enable_script_security', 'script_user root', 'startup_script " /usr/bin/true"'),
};

describeQuiet('global_defs options keepalived reads word by word: the valid spellings, keepalived and the linter both quiet', QUIET, (lab, write) => {
  it('IRWXU, IRWXG and IRWXO: unknown to 2.2.7, known from 2.2.8 on', () => {
    const path = write(globals('umask IRWXG|IRWXO'));
    const said = Object.fromEntries(KEEPALIVED_RELEASES.map(({ version, binary }) => [version, configLines(lab().check(binary, path))]));
    assert.match(said['2.2.7'].join('\n'), /Unknown umask bit IRWXG/);
    assert.deepEqual(said['2.4.3'], []);
    assert.deepEqual(lintFiles([path], { keepalivedVersion: '2.4.3' }), []);
    assert.match(lintFiles([path], { keepalivedVersion: '2.2.7' })[0]?.message ?? '', /knows IRWXG from 2\.2\.8 on/);
  });
});
