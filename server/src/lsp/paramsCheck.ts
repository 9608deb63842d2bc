// The shape of the params each request the server answers needs, checked before a handler runs: a missing
// textDocument or a position that is not two non-negative integers gets InvalidParams, not a TypeError.
type Check = (value: unknown) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

const position: Check = (v) => (isObject(v) && isIndex(v.line) && isIndex(v.character) ? undefined : 'expected a position { line, character } of non-negative integers');
const range: Check = (v) => (isObject(v) && !position(v.start) && !position(v.end) ? undefined : 'expected a range { start, end } of positions');
const textDocument: Check = (v) => (isObject(v) && typeof v.uri === 'string' ? undefined : 'expected textDocument { uri }');

/** checks of named fields of the params object */
const fields = (checks: Record<string, Check>): Check => (params) => {
  if (!isObject(params)) return 'expected an object';
  for (const [name, check] of Object.entries(checks)) {
    const problem = check(params[name]);
    if (problem) return `${name}: ${problem}`;
  }
  return undefined;
};

const atPosition = fields({ textDocument, position });
const inDocument = fields({ textDocument });
const formattingOptions: Check = (v) => (isObject(v) ? undefined : 'expected formatting options');

const CHECKS: Record<string, Check> = {
  'textDocument/completion': atPosition,
  'textDocument/hover': atPosition,
  'textDocument/definition': atPosition,
  'textDocument/references': fields({ textDocument, position, context: (v) => (isObject(v) && typeof v.includeDeclaration === 'boolean' ? undefined : 'expected { includeDeclaration }') }),
  'textDocument/prepareRename': atPosition,
  'textDocument/rename': fields({ textDocument, position, newName: (v) => (typeof v === 'string' ? undefined : 'expected a string') }),
  'textDocument/documentSymbol': inDocument,
  'textDocument/foldingRange': inDocument,
  'textDocument/semanticTokens/full': inDocument,
  'textDocument/selectionRange': fields({ textDocument, positions: (v) => (Array.isArray(v) && v.every((p) => !position(p)) ? undefined : 'expected an array of positions') }),
  'textDocument/formatting': fields({ textDocument, options: formattingOptions }),
  'textDocument/rangeFormatting': fields({ textDocument, range, options: formattingOptions }),
  'textDocument/codeAction': fields({ textDocument, range, context: (v) => (isObject(v) && Array.isArray(v.diagnostics) ? undefined : 'expected { diagnostics: [] }') }),
  'workspace/symbol': fields({ query: (v) => (typeof v === 'string' ? undefined : 'expected a string') }),
  'completionItem/resolve': (v) => (isObject(v) && typeof v.label === 'string' ? undefined : 'expected a completion item'),
};

/** what is wrong with a request's params, or undefined when they have the shape its handler reads */
export function paramsProblem(method: string, params: unknown): string | undefined {
  return CHECKS[method]?.(params);
}
