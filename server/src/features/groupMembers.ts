import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';

/**
 * What a line of a virtual_server_group holds (check_parser.c's vsg entries): an address and port, an
 * address range, or a firewall mark. Offered as snippets, after the cluster's VIPs.
 */
const FORMS: readonly { label: string; snippet: string; doc: string }[] = [
  { label: 'fwmark', snippet: 'fwmark ${1:1}', doc: 'Every packet carrying this firewall mark (set by iptables or nftables); add `inet6` for IPv6.' },
  { label: 'IP PORT', snippet: '${1:192.0.2.100} ${2:80}', doc: 'One address and port.' },
  { label: 'IP-RANGE PORT', snippet: '${1:192.0.2.100}-${2:110} ${3:80}', doc: 'Consecutive addresses: the last part of the first address up to this number, all on one port.' },
];

export function groupMemberItems(vips: CompletionItem[], replace: Range): CompletionItem[] {
  const forms = FORMS.map((f, i): CompletionItem => ({
    label: f.label,
    kind: f.label === 'fwmark' ? CompletionItemKind.Keyword : CompletionItemKind.Snippet,
    detail: 'virtual_server_group member',
    documentation: { kind: 'markdown', value: f.doc },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: replace, newText: f.snippet },
    sortText: `1${i}`,
  }));
  return [...vips, ...forms];
}
