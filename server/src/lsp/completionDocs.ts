import type { CompletionItem, MarkupContent } from 'vscode-languageserver';

/**
 * Completion lists go out without their documentation, which is most of their size (a vrrp_instance offers
 * about a hundred keywords); the editor asks for one item's documentation when it shows it
 * (completionItem/resolve). The documentation of the latest list is kept by position in that list.
 */
export class CompletionDocs {
  private latest: (string | MarkupContent | undefined)[] = [];

  strip(items: CompletionItem[]): CompletionItem[] {
    this.latest = items.map((item) => item.documentation);
    return items.map((item, index) => {
      if (!item.documentation) return item;
      const { documentation: _omitted, ...rest } = item;
      return { ...rest, data: index };
    });
  }

  resolve(item: CompletionItem): CompletionItem {
    const documentation = typeof item.data === 'number' ? this.latest[item.data] : undefined;
    return documentation ? { ...item, documentation } : item;
  }
}
