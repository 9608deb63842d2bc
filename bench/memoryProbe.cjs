// Preloaded into the language server (node --require) by the benchmark only: on SIGUSR2 it collects
// garbage and writes process.memoryUsage() to $KA_BENCH_MEMORY_FILE. The server's code is untouched.
const { writeFileSync } = require('node:fs');
const target = process.env.KA_BENCH_MEMORY_FILE;
if (target) {
  process.on('SIGUSR2', () => {
    if (global.gc) global.gc();
    writeFileSync(target, JSON.stringify(process.memoryUsage()));
  });
}
