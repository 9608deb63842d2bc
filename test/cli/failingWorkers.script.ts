// keepalived-lint with worker threads that fail at once: test/cli/directories.test.ts expects the same report.
import { Worker } from 'node:worker_threads';
import { main } from '../../server/src/cli/lint';

const failing = () => new Worker('throw new Error("this worker cannot start")', { eval: true });
void Promise.resolve(main(process.argv.slice(2), undefined, failing)).then((status) => (process.exitCode = status));
