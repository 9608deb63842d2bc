// What the host checks need to know about the machine the config will run on. The checks take it as a
// parameter, so that they stay pure over the AST; `localHostFacts` reads this machine.
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export interface FileFacts {
  uid: number;
  gid: number;
  mode: number;
  kind: 'file' | 'directory' | 'symlink' | 'other';
}

export interface UserFacts {
  uid: number;
  gid: number;
  /** every group the user is in, its primary group included */
  groups: number[];
}

export interface HostFacts {
  interfaceExists(name: string): boolean;
  user(name: string): UserFacts | undefined;
  group(name: string): number | undefined;
  /** the entry itself, a symbolic link not followed; undefined when there is none */
  lstat(path: string): FileFacts | undefined;
  /** the path with every symbolic link resolved; undefined when it does not resolve */
  realpath(path: string): string | undefined;
  /** where a bare command name is found on the search path keepalived uses */
  which(command: string): string | undefined;
}

const kindOf = (s: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): FileFacts['kind'] =>
  s.isSymbolicLink() ? 'symlink' : s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';

/** /etc/passwd and /etc/group lines as fields. */
function table(path: string): string[][] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** keepalived runs scripts with this PATH when its own environment has none. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** This machine: interfaces from /sys/class/net (of the current network namespace), users from /etc. */
export function localHostFacts(): HostFacts {
  const passwd = table('/etc/passwd');
  const groups = table('/etc/group');
  return {
    interfaceExists: (name) => /^[^/]+$/.test(name) && existsSync(join('/sys/class/net', name)),
    user(name) {
      const row = passwd.find((r) => r[0] === name);
      if (!row) return undefined;
      const uid = Number(row[2]);
      const gid = Number(row[3]);
      const member = groups.filter((g) => (g[3] ?? '').split(',').includes(name)).map((g) => Number(g[2]));
      return { uid, gid, groups: [...new Set([gid, ...member])] };
    },
    group(name) {
      const row = groups.find((r) => r[0] === name);
      return row ? Number(row[2]) : undefined;
    },
    lstat(path) {
      try {
        const s = lstatSync(path);
        return { uid: s.uid, gid: s.gid, mode: s.mode, kind: kindOf(s) };
      } catch {
        return undefined;
      }
    },
    realpath(path) {
      try {
        return realpathSync(path);
      } catch {
        return undefined;
      }
    },
    which(command) {
      for (const dir of (process.env.PATH || DEFAULT_PATH).split(delimiter)) {
        if (!isAbsolute(dir)) continue;
        const candidate = join(dir, command);
        try {
          if (statSync(candidate).isFile()) return candidate;
        } catch {
          // not in this directory
        }
      }
      return undefined;
    },
  };
}
