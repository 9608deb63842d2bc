import type { ArgSpec, ArgType, BlockSpec, KeywordSpec } from '../schema';

/**
 * Markdown descriptions of keywords and arguments, written from the schema for hover and completion.
 * Cached per spec object: the schema is immutable, and completion lists hundreds of items per request.
 */

const KEYWORD_DOCS = new WeakMap<KeywordSpec, string>();
const ITEM_DOCS = new WeakMap<BlockSpec, string>();

/** `name ARG [OPTIONAL] [REPEATED...]` */
export function signature(name: string, args: readonly ArgSpec[], freeTail?: boolean): string {
  const parts = args.map((a) => {
    const text = a.variadic ? `${a.name}...` : a.name;
    return a.optional ? `[${text}]` : text;
  });
  if (freeTail) parts.push('[OPTIONS...]');
  return [name, ...parts].join(' ');
}

export function describeType(type: ArgType): string {
  const range = (min?: number, max?: number) =>
    min === undefined && max === undefined ? '' : ` ${min ?? '…'}..${max ?? '…'}`;
  switch (type.kind) {
    case 'int':
      return `integer${range(type.min, type.max)}`;
    case 'number':
      return `number${range(type.min, type.max)} (fractions allowed)`;
    case 'bool':
      return 'yes/no, on/off or true/false';
    case 'enum':
      return `one of ${type.values.map((v) => `\`${v}\``).join(', ')}${type.caseInsensitive ? ' (any case)' : ''}`;
    case 'ip':
      return 'IPv4 or IPv6 address';
    case 'ipv4':
      return 'IPv4 address';
    case 'ipv6':
      return 'IPv6 address';
    case 'cidr':
      return 'address with optional /prefix';
    case 'port':
      return 'port 0..65535';
    case 'interface':
      return 'interface name';
    case 'path':
      return 'file path';
    case 'command':
      return 'command line (quote it when it has arguments)';
    case 'define':
      return `name of this ${type.symbol}`;
    case 'ref':
      return `name of a ${type.symbol} defined elsewhere`;
    default:
      return type.kind;
  }
}

function argumentLines(args: readonly ArgSpec[]): string[] {
  return args.map((a) => `- \`${a.name}\`${a.optional ? ' (optional)' : ''}${a.variadic ? ' (repeatable)' : ''}: ${describeType(a.type)}`);
}

export function keywordMarkdown(spec: KeywordSpec, block?: BlockSpec): string {
  const cached = KEYWORD_DOCS.get(spec);
  if (cached && !block) return cached;
  const lines = ['```keepalived', signature(spec.name, spec.args, spec.freeTail) + (spec.block ? ' { ... }' : ''), '```', spec.doc];
  if (spec.deprecated) {
    lines.push('', `**Deprecated**${spec.deprecated.replacement ? `: use \`${spec.deprecated.replacement}\`` : ''}${spec.deprecated.note ? ` (${spec.deprecated.note})` : ''}.`);
  }
  if (spec.args.length > 0) lines.push('', '**Arguments**', ...argumentLines(spec.args));
  const facts: string[] = [];
  if (spec.default !== undefined) facts.push(`Default: \`${spec.default}\``);
  if (spec.since) facts.push(`Since keepalived ${spec.since}`);
  if (spec.required) facts.push(typeof spec.required === 'string' ? `Required from keepalived ${spec.required}` : 'Required');
  if (spec.repeatable) facts.push('May repeat');
  if (facts.length) lines.push('', facts.join(' · '));
  if (spec.example) lines.push('', 'Example:', '```keepalived', spec.block ? `${spec.example} {\n    ...\n}` : spec.example, '```');
  const text = lines.join('\n');
  if (!block) KEYWORD_DOCS.set(spec, text);
  return block ? `${text}\n\n_In the ${block.title}._` : text;
}

export function itemMarkdown(block: BlockSpec): string {
  const cached = ITEM_DOCS.get(block);
  if (cached) return cached;
  const items = block.items!;
  const lines = [`**Item of the ${block.title}**`, '', items.doc, '', '**Words**', ...argumentLines(items.args)];
  if (items.example) lines.push('', 'Example:', '```keepalived', items.example, '```');
  const text = lines.join('\n');
  ITEM_DOCS.set(block, text);
  return text;
}
