import type { Plugin } from 'esbuild';

export declare const SHIMS: { request: string; from: string; shim: string }[];
export declare const shimPlugin: Plugin;
export declare const LODASH_SUBSET: string;
export declare const UNUSED_CLIENT_FEATURES: string[];
