/**
 * Which documents the client hands to the Keepalived language although VS Code picked another one: a
 * pure decision (no vscode import) so that it is tested without an editor.
 */
import { hasKeepalivedName, looksLikeKeepalived } from '../../server/src/analysis/configFiles';

/** Languages VS Code gives keepalived files by their extension (.conf is Properties, samples plain text). */
export const GUESSED_LANGUAGES: readonly string[] = ['plaintext', 'properties', 'ini', 'jinja', 'jinja-text', 'ansible-jinja', 'j2'];

export interface OpenedDocument {
  languageId: string;
  /** file system path, or undefined for an untitled or virtual document */
  path: string | undefined;
  text: string;
}

/**
 * True when the document should switch to Keepalived: VS Code guessed a generic language, and the file is
 * named like a keepalived config, is named by a cluster file, or has keepalived's top-level blocks.
 */
export function shouldBeKeepalived(doc: OpenedDocument, clusterConfigs: ReadonlySet<string>): boolean {
  if (!GUESSED_LANGUAGES.includes(doc.languageId)) return false;
  if (doc.path !== undefined && (clusterConfigs.has(doc.path) || hasKeepalivedName(doc.path))) return true;
  return looksLikeKeepalived(doc.text.slice(0, 64 * 1024));
}
