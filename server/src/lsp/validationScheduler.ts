/**
 * Debounces analysis: each request replaces the pending one, so a burst of keystrokes costs one run
 * after the last of them. Runs never overlap: a request that comes due while one runs (it waits for
 * files to be read) starts once that one ends.
 */
export class ValidationScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly run: () => Promise<void>) {}

  request(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, delayMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.again = false;
  }

  private start(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.start();
      }
    });
  }
}
