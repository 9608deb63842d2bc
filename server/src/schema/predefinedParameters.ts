/**
 * The parameters keepalived defines itself (lib/parser.c, add_std_definition), with the release that added each:
 * hover and completion show them, and analysis/parameterCalls.ts reports one the target release does not know.
 */
export interface PredefinedParameter {
  name: string;
  /** how it is written, with its own parameters */
  form: string;
  since: string;
  doc: string;
  /** the completion's snippet where it takes parameters */
  snippet?: string;
}

export const PREDEFINED_PARAMETERS: readonly PredefinedParameter[] = [
  { name: '_PWD', form: '${_PWD}', since: '2.0.0', doc: "keepalived's working directory while it reads the line: the directory of the file being read." },
  { name: '_INSTANCE', form: '${_INSTANCE}', since: '2.0.1', doc: 'The config id keepalived was started with (`-i ID`), else the short host name: the id `@ID` lines are kept for.' },
  {
    name: '_RANDOM',
    form: '${_RANDOM MIN MAX}',
    since: '2.0.15',
    doc: 'A random whole number from MIN (default 0) to MAX (default 32767), drawn again at each use; the linter reads MIN. With parameters, releases before 2.4.0 garble what follows it on its line.',
    snippet: '\\${_RANDOM ${1:0} ${2:32767}}',
  },
  { name: '_ENV', form: '${_ENV NAME}', since: '2.4.0', doc: 'The value of environment variable NAME where keepalived runs, empty when it is not set; the linter reads its own environment.', snippet: '\\${_ENV ${1:NAME}}' },
  { name: '_HASH', form: '${_HASH}', since: '2.1.4', doc: 'A `#` that starts no comment.' },
  { name: '_BANG', form: '${_BANG}', since: '2.1.4', doc: 'A `!` that starts no comment.' },
];

export const predefinedParameter = (name: string): PredefinedParameter | undefined => PREDEFINED_PARAMETERS.find((p) => p.name === name);
