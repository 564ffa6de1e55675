/** Progress output for long CLI work: a bar on a terminal, plain lines otherwise (CI logs). */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastLine = -1;
  return (done: number, total: number) => {
    const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total} ${secs}s`);
      if (done >= total) stream.write('\n');
    } else if (Math.floor(pct / 10) !== lastLine || done >= total) {
      lastLine = Math.floor(pct / 10);
      stream.write(`${label}: ${done}/${total} (${pct}%) ${secs}s\n`);
    }
  };
}
