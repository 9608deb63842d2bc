export * from './ast';
export * from './position';
export type { PreprocessOptions } from './preprocess';
export { parseConfig } from './parse';
export { reparseConfig } from './incremental';
