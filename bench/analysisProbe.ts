import { measureAnalysis } from './measureAnalysis';

/**
 * Entry of the bundle that bench/shippedAnalysis.ts runs: measureAnalysis over the files named in argv[2]
 * (JSON), the result printed as JSON.
 */
const { mains, files, runs } = JSON.parse(process.argv[2]) as { mains: string[]; files: string[]; runs: number };
process.stdout.write(JSON.stringify(measureAnalysis(mains, files, runs)));
