/**
 * Expands a VS Code snippet body the way accepting every default would: `${1:text}` gives its text,
 * `${1|a,b|}` its first choice, a bare `$1` mirrors the value given to 1 elsewhere, `$0` and unknown
 * variables give nothing.
 */
type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

class SnippetParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(stopAt?: string): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (stopAt !== undefined && ch === stopAt) break;
      if (ch === '\\' && '$}\\,|'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += ch;
          this.pos++;
        }
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  private parseDollar(): SnippetNode | undefined {
    const rest = this.src.slice(this.pos);
    const simple = /^\$(\d+)/.exec(rest) ?? /^\$\{(\d+)\}/.exec(rest);
    if (simple) {
      this.pos += simple[0].length;
      return { kind: 'tabstop', index: Number(simple[1]) };
    }
    const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
    if (choice) {
      this.pos += choice[0].length;
      const options = choice[2].split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1'));
      return { kind: 'choice', index: Number(choice[1]), options };
    }
    const open = /^\$\{(\d+|[A-Za-z_]\w*):/.exec(rest);
    if (open) {
      this.pos += open[0].length;
      const children = this.parse('}');
      if (this.src[this.pos] !== '}') throw new Error(`unclosed placeholder in snippet: ${rest}`);
      this.pos++;
      return /^\d/.test(open[1]) ? { kind: 'tabstop', index: Number(open[1]), children } : { kind: 'variable', name: open[1], children };
    }
    const variable = /^\$\{?([A-Za-z_]\w*)\}?/.exec(rest);
    if (variable) {
      this.pos += variable[0].length;
      return { kind: 'variable', name: variable[1] };
    }
    return undefined;
  }
}

export function expandSnippet(body: string | readonly string[]): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new SnippetParser(source).parse();
  const defaults = new Map<number, SnippetNode[]>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'choice' && !defaults.has(node.index)) defaults.set(node.index, [{ kind: 'text', value: node.options[0] }]);
      if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children) {
        if (node.kind === 'tabstop' && !defaults.has(node.index)) defaults.set(node.index, node.children);
        collect(node.children);
      }
    }
  };
  collect(nodes);
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'choice':
            return node.options[0];
          case 'tabstop':
            return render(node.children ?? defaults.get(node.index) ?? []);
          case 'variable':
            return render(node.children ?? []);
        }
      })
      .join('');
  return render(nodes);
}
