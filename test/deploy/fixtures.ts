/** keepalived configs and cluster files for the deploy tests. */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestLab } from './sshHosts';

export const VIP = '192.0.2.200';
export const AUTH_PASS = 'Pw0rd9xy';

export function directorConfig(state: 'MASTER' | 'BACKUP', priority: number, extra = ''): string {
  return `global_defs {
    router_id LVS_${state}
}

vrrp_instance VI_1 {
    state ${state}
    interface eth0
    virtual_router_id 51
    priority ${priority}
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass ${AUTH_PASS}
    }
    virtual_ipaddress {
        ${VIP}
    }
}

virtual_server ${VIP} 80 {
    delay_loop 6
    lb_algo rr
    lb_kind DR
    protocol TCP
${extra}
    real_server 169.254.1.10 80 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;
}

export interface ClusterOptions {
  ssh?: Record<string, unknown>;
  directors?: Record<string, unknown>[];
  realServers?: Record<string, unknown>[];
}

/** A workspace with master.conf/backup.conf and a cluster file for hosts d1 (MASTER), d2 (BACKUP), r1, r2. */
export function writeWorkspace(lab: TestLab, name: string, opts: ClusterOptions = {}): { dir: string; clusterText: string } {
  const dir = join(lab.root, 'ws', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'master.conf'), directorConfig('MASTER', 150));
  writeFileSync(join(dir, 'backup.conf'), directorConfig('BACKUP', 100));
  const [d1, d2, r1, r2] = lab.hosts;
  const cluster = {
    ssh: { agent: false, identityFile: lab.userKey, knownHostsFile: lab.knownHosts, connectTimeoutSeconds: 5, commandTimeoutSeconds: 10, ...opts.ssh },
    directors: opts.directors ?? [
      { name: 'd1', host: d1.address, config: 'master.conf', role: 'MASTER', remotePath: `${d1.dir}/etc/keepalived/keepalived.conf` },
      { name: 'd2', host: d2.address, config: 'backup.conf', role: 'BACKUP', remotePath: `${d2.dir}/etc/keepalived/keepalived.conf` },
    ],
    realServers: opts.realServers ?? [
      { name: 'r1', host: r1.address, scriptPath: `${r1.dir}/sbin/realserver.sh`, vips: [VIP] },
      { name: 'r2', host: r2.address, scriptPath: `${r2.dir}/sbin/realserver.sh`, vips: [VIP] },
    ],
  };
  const clusterText = JSON.stringify(cluster, null, 2);
  writeFileSync(join(dir, 'keepalived-cluster.json'), clusterText);
  return { dir, clusterText };
}
