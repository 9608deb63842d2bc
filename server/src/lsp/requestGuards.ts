import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { ServerState } from './state';

/** A turn of the event loop: messages that arrived meanwhile ($/cancelRequest among them) are read. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/**
 * Wrappers for request handlers. `cancellable`: a request the client cancelled before it was answered gets
 * the RequestCancelled error instead of a result. `settled` also waits until every file the analysis needs
 * has been read (LiveState.settle) and then checks again, since the client may have cancelled meanwhile.
 */
export function requestGuards(state: ServerState) {
  const cancellable =
    <P, R>(handler: (params: P) => R) =>
    async (params: P, token?: CancellationToken): Promise<R> => {
      await nextTurn();
      throwIfCancelled(token);
      return handler(params);
    };
  const settled =
    <P, R>(handler: (params: P) => R) =>
    async (params: P, token?: CancellationToken): Promise<R> => {
      await state.settle?.();
      await nextTurn();
      throwIfCancelled(token);
      return handler(params);
    };
  return { cancellable, settled };
}
