import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { keywordSpec, type BlockSpec, type KeywordSpec } from '../schema';
import snippets from '../../../snippets/keepalived.json';

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/**
 * The snippets of snippets/keepalived.json, served by the language server so that each is offered only
 * in the block its first keyword belongs to (a vrrp_instance snippet at the top level, HTTP_GET inside a
 * real_server), and in place of the bare keyword item it would repeat.
 */
const ENTRIES = Object.entries(snippets as Record<string, Snippet>).map(([name, s]) => ({
  keyword: /^\S+/.exec(s.body[0])![0],
  item: {
    label: name,
    kind: CompletionItemKind.Snippet,
    detail: s.description,
    documentation: { kind: 'markdown', value: ['```keepalived', s.body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, ''), '```'].join('\n') },
    filterText: s.prefix[0],
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: s.body.join('\n').replace(/\n\$0$/, '$0'),
  } satisfies CompletionItem,
}));

/** Snippets that start with a keyword of `block`, ranked as that keyword, and the keywords they stand for. */
export function snippetItems(block: BlockSpec, rank: (spec: KeywordSpec) => string, offered: (spec: KeywordSpec) => boolean = () => true): { items: CompletionItem[]; keywords: Set<string> } {
  const items: CompletionItem[] = [];
  const keywords = new Set<string>();
  for (const e of ENTRIES) {
    const spec = keywordSpec(block, e.keyword);
    if (!spec || !offered(spec)) continue;
    items.push({ ...e.item, sortText: `${rank(spec)} ${e.item.label}` });
    // a snippet typed by another name (the unicast peers one starts with unicast_src_ip) leaves the keyword its own item
    if (e.item.filterText === e.keyword) keywords.add(e.keyword);
  }
  return { items, keywords };
}
