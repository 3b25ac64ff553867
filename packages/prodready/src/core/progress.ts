/** What a long check reports while it runs. */
export interface Progress {
  /** A new phase starts; `total` is the number of files it will go through, when known. */
  phase: (name: string, total?: number) => void;
  /** One more file of the current phase is done. */
  fileDone: () => void;
  /** The run is over: clear the display. Safe to call twice. */
  done: () => void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write: (text: string) => unknown;
}

/**
 * A one-line progress display (phase, files done/total, elapsed) redrawn in place on a TTY;
 * `undefined` — no output at all — when the stream is not a terminal or CI is set, so logs and
 * piped output stay clean.
 */
export function createProgress(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): Progress | undefined {
  if (!stream.isTTY || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) return undefined;
  const started = now();
  let name = '';
  let total: number | undefined;
  let done = 0;
  let shown = false;
  let lastDraw = 0;
  const draw = (force: boolean): void => {
    const time = now();
    // At most ten redraws a second: a fast lint of thousands of files must not spend its time drawing.
    if (!force && time - lastDraw < 100) return;
    lastDraw = time;
    const seconds = ((time - started) / 1000).toFixed(1);
    const count = total === undefined ? '' : ` ${done}/${total} files`;
    const line = `prodready: ${name}${count} (${seconds}s)`;
    stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1)}\u001B[K`);
    shown = true;
  };
  return {
    phase(next, nextTotal) {
      name = next;
      total = nextTotal;
      done = 0;
      draw(true);
    },
    fileDone() {
      done += 1;
      draw(false);
    },
    done() {
      if (shown) stream.write('\r\u001B[K');
      shown = false;
    },
  };
}
