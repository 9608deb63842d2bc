// keepalived-lint's entry with a build id, as the built launcher calls it, so that --cache is on when run
// from the sources (the hostile tests run it under their time and memory bounds).
import { main } from '../../server/src/cli/lint';

void Promise.resolve(main(process.argv.slice(2), 'hostile-test-build')).then((status) => (process.exitCode = status));
