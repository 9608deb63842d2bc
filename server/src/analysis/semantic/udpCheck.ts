// UDP_CHECK's own settings (check/check_udp.c): payload and require_reply as read_hex_str reads them, and the
// reply lengths keepalived compares as the block closes. The hex words themselves are judged by the schema
// (payload) and here (require_reply, whose x digits match anything).
import type { Statement } from '../../syntax';
import { knownTo } from '../versions';
import type { FileDiagnostic } from '../unit';
import { readDecimal } from './routeValues';

/** the default max_reply_length (UINT8_MAX) */
const DEFAULT_MAX_REPLY = 255;
const REPLY_HEX = /^[ \t]*[0-9a-fx][0-9a-fx \t]*$/i;

/**
 * Before 2.3.3 read_hex_str took its last byte for the error marker: a string ending in the byte ff is
 * refused (fixed by "parser: Fix error handling for HEX_STR parsing in UDP_CHECK").
 */
function endsInFf(words: readonly string[]): boolean {
  const last = words.join(' ').trim().split(/[ \t]+/).at(-1) ?? '';
  return last.length % 2 === 0 && last.slice(-2).toLowerCase() === 'ff';
}

/** The findings of a UDP_CHECK block; `connectionKept` once its connection options passed (else it is dropped first). */
export function udpCheckFindings(file: string, checker: Statement, connectionKept: boolean, version: string | undefined): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  const ffBug = !knownTo('2.3.3', version);
  let min: Statement | undefined;
  let max: Statement | undefined;
  let replyData = false;
  for (const s of checker.block?.statements ?? []) {
    const words = s.args.map((w) => w.text);
    if (s.name === 'payload') {
      if (words.length === 0) out.push({ file, range: s.keyword.range, severity: 'error', code: 'argument-count', message: 'payload needs the bytes to send, in hex: keepalived ignores this line' });
      else if (ffBug && words.every((w) => /^[ \t]*[0-9a-f][0-9a-f \t]*$/i.test(w)) && endsInFf(words)) {
        out.push({ file, range: s.args[s.args.length - 1].range, severity: 'error', code: 'invalid-argument', message: `keepalived ${version} refuses a payload whose last byte is ff (a bug fixed in 2.3.3): it ignores this payload` });
      }
    } else if (s.name === 'require_reply' && words.length > 0) {
      const bad = s.args.find((w) => !REPLY_HEX.test(w.text));
      if (bad) out.push({ file, range: bad.range, severity: 'error', code: 'invalid-argument', message: `require_reply: '${bad.text}' is not a hexadecimal string (x digits match anything): keepalived ignores the data, and still requires a reply` });
      else if (ffBug && endsInFf(words)) out.push({ file, range: s.args[s.args.length - 1].range, severity: 'error', code: 'invalid-argument', message: `keepalived ${version} refuses reply data whose last byte is ff (a bug fixed in 2.3.3): it ignores the data, and still requires a reply` });
      else replyData = true;
    } else if (s.name === 'min_reply_length' && words[0] !== undefined && readDecimal(words[0], 65535) !== undefined) min = s;
    else if (s.name === 'max_reply_length' && words[0] !== undefined && readDecimal(words[0], 65535) !== undefined) max = s;
  }
  const minValue = min ? readDecimal(min.args[0].text, 65535)! : 0;
  const maxValue = max ? readDecimal(max.args[0].text, 65535)! : DEFAULT_MAX_REPLY;
  if (connectionKept && minValue > maxValue) {
    const at = max ?? min!;
    // the lengths are compared only with reply data to compare
    out.push({
      file,
      range: at.args[0].range,
      severity: replyData ? 'error' : 'warning',
      code: 'invalid-number',
      message: `min_reply_length ${minValue} is above max_reply_length ${maxValue}${max ? '' : ' (the default)'}: ${replyData ? 'no reply can pass, the check always fails' : 'no reply could pass once require_reply has data'}`,
    });
  }
  return out;
}
