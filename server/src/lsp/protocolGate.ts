// What the protocol asks of every request before any handler sees it. The library answers a request sent
// before `initialize` or after `shutdown` like any other, and a handler given ill-formed params fails with
// -32603 and a JavaScript message. This gate sits between the transport and the connection: requests out
// of turn get -32002 ServerNotInitialized / -32600 InvalidRequest, ill-formed params -32602 InvalidParams.
import {
  AbstractMessageReader,
  ErrorCodes,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { paramsProblem } from './paramsCheck';

const isRequest = (m: Message): m is RequestMessage => 'method' in m && 'id' in m && (m as RequestMessage).id !== undefined && (m as RequestMessage).id !== null;
const isNotification = (m: Message): m is RequestMessage => 'method' in m && !('id' in m && (m as RequestMessage).id !== undefined);

export class ProtocolGate extends AbstractMessageReader implements MessageReader {
  private phase: 'new' | 'running' | 'shut down' = 'new';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      const refusal = this.refusal(message);
      if (refusal === 'drop') return;
      if (refusal) {
        void this.writer.write(refusal).catch(() => undefined);
        return;
      }
      callback(message);
    });
  }

  /** undefined: pass the message on; 'drop': ignore it (a notification out of turn); else the error answer */
  private refusal(message: Message): ResponseMessage | 'drop' | undefined {
    if (isNotification(message)) {
      // before initialize only `exit` counts; after shutdown only `exit` does anything useful
      return this.phase === 'new' && message.method !== 'exit' ? 'drop' : undefined;
    }
    if (!isRequest(message)) return undefined;
    const fail = (code: number, text: string): ResponseMessage => ({ jsonrpc: '2.0', id: message.id, error: { code, message: text } });
    if (this.phase === 'new' && message.method !== 'initialize') return fail(ErrorCodes.ServerNotInitialized, `'${message.method}' before 'initialize'`);
    if (this.phase === 'running' && message.method === 'initialize') return fail(ErrorCodes.InvalidRequest, "'initialize' was already sent");
    if (this.phase === 'shut down') return fail(ErrorCodes.InvalidRequest, `'${message.method}' after 'shutdown'`);
    const problem = paramsProblem(message.method, message.params);
    if (problem) return fail(ErrorCodes.InvalidParams, `Invalid params for '${message.method}': ${problem}`);
    if (message.method === 'initialize') this.phase = 'running';
    if (message.method === 'shutdown') this.phase = 'shut down';
    return undefined;
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
  }
}
