/**
 * Debounces analysis: each request replaces the pending one, so a burst of keystrokes costs one run
 * after the last of them. A run never overlaps another (the analysis is synchronous).
 */
export class ValidationScheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly run: () => void) {}

  request(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run();
    }, delayMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
