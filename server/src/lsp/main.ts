import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId'];
const USAGE = `Usage: keepalived-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

Language server for keepalived.conf: diagnostics across the MASTER and BACKUP directors' configs.
Editors start it; it speaks the Language Server Protocol on the chosen transport.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE + '\n');
} else if (!args.some((a) => TRANSPORTS.some((t) => a.startsWith(t))) && !process.send) {
  process.stderr.write(`keepalived-language-server: no transport given\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  // picks stdio, node-ipc, socket or pipe from the command line, like every vscode-languageserver
  startServer(createConnection(ProposedFeatures.all));
}
