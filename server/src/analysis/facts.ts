import { parseConfig } from '../syntax';
import { SCHEMA_BLOCKS } from '../schema/blockOpener';
import { viewOf } from '../syntax/views';
import { Workspace } from './workspace';
import { buildUnit, collect } from './unit';
import { resolve } from 'node:path';

export interface ConfigFacts {
  instances: { name: string; state?: string; priority?: number; vrid?: number; iface?: string; vips: string[] }[];
  virtualServers: { address?: string; port?: number; lbKind?: string; realServers: { address: string; port?: number }[] }[];
}

/** What deploy and status need to know about one director's config (with its includes). */
export function configFacts(path: string): ConfigFacts {
  const unit = buildUnit(new Workspace(), resolve(path));
  return factsOf(collect(unit, 'instances').map((e) => e.item), collect(unit, 'virtualServers').map((e) => e.item));
}

/** The same for a config given as text (no includes followed). */
export function configFactsFromText(text: string): ConfigFacts {
  const view = viewOf(parseConfig(text, { blocks: SCHEMA_BLOCKS }));
  return factsOf(view.instances, view.virtualServers);
}

function factsOf(instances: ReturnType<typeof viewOf>['instances'], services: ReturnType<typeof viewOf>['virtualServers']): ConfigFacts {
  return {
    instances: instances.map((i) => ({
      name: i.name,
      state: i.state?.value,
      priority: i.priority?.value,
      vrid: i.vrid?.value,
      iface: i.iface?.value,
      vips: i.vips.map((v) => v.value),
    })),
    virtualServers: services.map((vs) => ({
      address: vs.address?.value,
      port: vs.port?.value,
      lbKind: vs.lbKind?.value,
      realServers: vs.realServers.filter((rs) => rs.address).map((rs) => ({ address: rs.address!.value, port: rs.port?.value })),
    })),
  };
}
