import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { ProtocolGate } from './protocolGate';
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
  startServer(gatedConnection());
}

/**
 * stdio and node-ipc (what editors and the VS Code client use) go through the protocol gate; socket and
 * pipe are left to the library, which picks them from the command line as every vscode-languageserver does.
 */
function gatedConnection(): Connection {
  const gated = (reader: MessageReader, writer: MessageWriter) => createConnection(ProposedFeatures.all, new ProtocolGate(reader, writer), writer);
  if (args.includes('--stdio')) return gated(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  if (args.includes('--node-ipc') || (process.send && !args.some((a) => a.startsWith('--socket=') || a.startsWith('--pipe=')))) {
    return gated(new IPCMessageReader(process), new IPCMessageWriter(process));
  }
  return createConnection(ProposedFeatures.all);
}
