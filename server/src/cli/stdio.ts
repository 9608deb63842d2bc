// The command-line tools print through file descriptors directly. process.stdout and process.stderr are
// streams built on first use (net, stream and tty modules: ~4 ms of a small run's ~30 ms); a report is
// written once, whole, so a synchronous write loses nothing.
import { writeSync } from 'node:fs';

let pause: Int32Array | undefined;

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // a pipe someone else made non-blocking is full: wait for the reader rather than drop the report
      if (code === 'EAGAIN') Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
      // the reader is gone (`keepalived-lint ... | head`): nobody is left to read the rest
      else if (code === 'EPIPE') return;
      else throw error;
    }
  }
}

export const writeOut = (text: string): void => writeAll(1, text);
export const writeErr = (text: string): void => writeAll(2, text);
