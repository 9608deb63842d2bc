/**
 * The seed's two director configs, written only with the product's snippets (expanded with their
 * defaults, as accepting every placeholder would) and then adapted to the test's LAN: addresses, and
 * health-check timers short enough for a test run. Every adaptation must find the default it replaces,
 * so a change to the snippets shows up here instead of silently producing another config.
 */
import { readFileSync } from 'node:fs';
import { expandSnippet } from '../snippets/expand-snippet';

interface Snippet {
  body: string | string[];
}

const snippets: Record<string, Snippet> = JSON.parse(readFileSync(new URL('../../snippets/keepalived.json', import.meta.url), 'utf8'));

function expand(name: string): string {
  const s = snippets[name];
  if (!s) throw new Error(`no snippet named "${name}"`);
  return `${expandSnippet(s.body)}\n`;
}

function swap(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`the snippet text no longer contains ${String(from)}`);
  return typeof from === 'string' ? text.split(from).join(to) : text.replace(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`), to);
}

export interface SeedAddresses {
  vip: string;
  /** prefix length of the LAN, for the VIP on the directors' interface */
  prefix: number;
  iface: string;
  webNodes: [string, string];
}

export function directorConfig(role: 'MASTER' | 'BACKUP', a: SeedAddresses): string {
  let globals = expand('global_defs with e-mail notification');
  if (role === 'BACKUP') globals = swap(globals, 'router_id LVS_MASTER', 'router_id LVS_BACKUP');

  let instance = expand(role === 'MASTER' ? 'vrrp_instance MASTER' : 'vrrp_instance BACKUP');
  instance = swap(instance, 'interface eth0', `interface ${a.iface}`);
  instance = swap(instance, '192.168.200.16/24', `${a.vip}/${a.prefix}`);

  let service = expand('virtual_server DR');
  service = swap(service, 'virtual_server 192.168.200.16 80', `virtual_server ${a.vip} 80`);
  service = swap(service, 'real_server 192.168.200.101 80', `real_server ${a.webNodes[0]} 80`);
  service = swap(service, 'real_server 192.168.200.102 80', `real_server ${a.webNodes[1]} 80`);
  // The defaults (6 s between checks, 3 retries 3 s apart) take half a minute to notice a dead web node.
  service = swap(service, /delay_loop 6$/m, 'delay_loop 2');
  service = swap(service, /connect_timeout 3$/m, 'connect_timeout 1');
  service = swap(service, /\tretry 3$/m, '\tretry 1');
  service = swap(service, /delay_before_retry 3$/m, 'delay_before_retry 1');

  return globals + instance + service;
}
