/**
 * Unified line diff between the file on the host and the one about to replace it.
 * LCS table; configs are small, and past a size cap the whole file is shown as replaced.
 */

const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string };

function lineOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_CELLS)
    return [...a.map((text) => ({ kind: '-' as const, text })), ...b.map((text) => ({ kind: '+' as const, text }))];
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] });
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) ops.push({ kind: '-', text: a[i++] });
    else ops.push({ kind: '+', text: b[j++] });
  }
  while (i < a.length) ops.push({ kind: '-', text: a[i++] });
  while (j < b.length) ops.push({ kind: '+', text: b[j++] });
  return ops;
}

const splitLines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** '' when equal; otherwise a unified diff with `context` lines around each change. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const ops = lineOps(splitLines(oldText), splitLines(newText));
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let k = 0;
  let oldLine = 1;
  let newLine = 1;
  while (k < ops.length) {
    if (ops[k].kind === ' ') {
      k++;
      oldLine++;
      newLine++;
      continue;
    }
    // A hunk: back up for leading context, then run until `context*2` unchanged lines separate changes.
    const lead = Math.min(context, k);
    const start = k - lead;
    const oStart = oldLine - lead;
    const nStart = newLine - lead;
    let end = k;
    let quiet = 0;
    while (end < ops.length && (ops[end].kind !== ' ' || quiet < context * 2)) {
      quiet = ops[end].kind === ' ' ? quiet + 1 : 0;
      end++;
    }
    if (quiet > context) end -= quiet - context;
    const body = ops.slice(start, end);
    const oCount = body.filter((o) => o.kind !== '+').length;
    const nCount = body.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${oCount ? oStart : oStart - 1},${oCount} +${nCount ? nStart : nStart - 1},${nCount} @@`);
    for (const o of body) out.push(o.kind + o.text);
    oldLine = oStart + oCount;
    newLine = nStart + nCount;
    k = end;
  }
  return out.join('\n') + '\n';
}
