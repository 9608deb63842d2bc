import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Paths are the workspace's keys; URIs are what the client speaks. Documents that are not files
 * (untitled buffers) keep their URI as their key, so they still get analysed on their own.
 */
export class UriMap {
  /** the exact URI string a client used for a path: clients compare URIs as strings, and encodings differ */
  private readonly seen = new Map<string, string>();

  toPath(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    try {
      const path = fileURLToPath(uri);
      this.seen.set(path, uri);
      return path;
    } catch {
      return uri;
    }
  }

  toUri(path: string): string {
    const known = this.seen.get(path);
    if (known) return known;
    if (!(path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path))) return path;
    // every finding's file is turned into a URI at every analysis: worked out once per path
    const uri = pathToFileURL(path).href;
    this.seen.set(path, uri);
    return uri;
  }
}
