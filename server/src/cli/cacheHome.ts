import { isAbsolute, join } from 'node:path';

/** `$XDG_CACHE_HOME/keepalived-tools` or `~/.cache/keepalived-tools`: per user, never a shared temp dir */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : safeHome() && join(safeHome()!, '.cache');
  return base ? join(base, 'keepalived-tools') : undefined;
}

function safeHome(): string | undefined {
  try {
    // $HOME is what os.homedir() reads first; the module is loaded only without it
    return process.env.HOME || (require('node:os') as typeof import('node:os')).homedir() || undefined;
  } catch {
    return undefined;
  }
}
