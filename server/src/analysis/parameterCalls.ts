import type { ConfigFile, Diagnostic } from '../syntax';
import type { ParameterCall } from '../syntax/preprocess';
import { predefinedParameter } from '../schema/predefinedParameters';
import { compareVersions, knownTo } from './versions';

/** keepalived 2.4.0 added ${_ENV NAME} and started checking the parameters of ${_RANDOM MIN MAX} */
const CALLS_CHECKED_SINCE = '2.4.0';

/**
 * `${_RANDOM MIN MAX}` and `${_ENV NAME}` as the target release reads them (lib/parser.c, find_definition and
 * replace_param). The parse expands them as 2.4 does; what another reading changes is said here.
 */
export function checkParameterCalls(file: ConfigFile, keepalivedVersion: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  const before24 = keepalivedVersion !== undefined && compareVersions(keepalivedVersion, CALLS_CHECKED_SINCE) < 0;
  for (const call of file.parameterCalls) {
    const finding = before24 ? olderReading(file, call, keepalivedVersion!) : currentReading(call);
    if (finding) out.push({ range: file.lines.rangeOf(call.start, call.end), code: 'parameter-call', ...finding });
  }
  // the others keepalived defines itself, where the target release is older than the parameter
  for (const use of file.parameterUses) {
    const predefined = use.name !== '_ENV' ? predefinedParameter(use.name) : undefined;
    if (!predefined || knownTo(predefined.since, keepalivedVersion) || file.definitions.some((d) => d.name === use.name)) continue;
    const written = file.text.slice(use.start, use.end);
    out.push({ range: file.lines.rangeOf(use.start, use.end), code: 'parameter-call', severity: 'error', message: `${use.name} needs keepalived ${predefined.since} or later: ${keepalivedVersion} leaves '${written}' in the line as written` });
  }
  return out;
}

type Finding = Pick<Diagnostic, 'severity' | 'message'>;

function currentReading(call: ParameterCall): Finding | undefined {
  const asWritten = `keepalived leaves '${call.text}' in the line as written`;
  switch (call.refused) {
    case 'not-numeric':
      return { severity: 'error', message: `\${_RANDOM} takes numbers only (MIN and MAX): ${asWritten}` };
    case 'parameter-count':
      return call.name === '_RANDOM'
        ? { severity: 'error', message: `\${_RANDOM} takes at most two numbers (MIN and MAX), not ${call.params.length}: ${asWritten}` }
        : { severity: 'error', message: `\${_ENV} takes one variable name, not ${call.params.length}: ${asWritten}` };
    case 'no-name':
      return { severity: 'error', message: `'${call.text}' names no environment variable: keepalived 2.4 crashes (segmentation fault) reading this line` };
  }
  if (minAboveMax(call)) {
    return { severity: 'warning', message: `\${_RANDOM}: MIN ${call.params[0]} is above MAX ${call.params[1]}; keepalived uses ${call.params[0]}` };
  }
  if (call.unset) {
    return {
      severity: 'warning',
      message: `${call.params[0]} is not set where the linter runs, so the line is checked with nothing in its place; keepalived reads the variable from its own environment when it starts`,
    };
  }
  return undefined;
}

function olderReading(file: ConfigFile, call: ParameterCall, version: string): Finding | undefined {
  if (call.name === '_ENV') {
    return { severity: 'error', message: `\${_ENV} needs keepalived ${CALLS_CHECKED_SINCE} or later: ${version} leaves '${call.text}' in the line as written` };
  }
  if (call.refused === 'not-numeric' || /\t/.test(call.text)) {
    return { severity: 'error', message: `keepalived ${version} reads only numbers separated by spaces in \${_RANDOM}: it leaves '${call.text}' in the line as written` };
  }
  if (!endsItsLine(file.text, call.end)) {
    return {
      severity: 'error',
      message: `keepalived ${version} garbles the rest of the line after a \${_RANDOM} with parameters (fixed in ${CALLS_CHECKED_SINCE}): put it last on its line`,
    };
  }
  if (call.params.length > 2) {
    return { severity: 'warning', message: `\${_RANDOM} takes at most two numbers (MIN and MAX): keepalived ${version} uses the first two and ignores the rest` };
  }
  if (minAboveMax(call)) {
    return { severity: 'warning', message: `\${_RANDOM}: MIN ${call.params[0]} is above MAX ${call.params[1]}; keepalived ${version} then gives a random number cut to as many digits as MAX has` };
  }
  return undefined;
}

/** whether only blanks or a comment follow `at` on its line */
function endsItsLine(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r' || ch === '#' || ch === '!') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return true;
}

const minAboveMax = (call: ParameterCall) => call.name === '_RANDOM' && call.params.length >= 2 && BigInt(call.params[0]) > BigInt(call.params[1]);
