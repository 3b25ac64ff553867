import { describe, expect, it } from 'vitest';

import { createProgress } from '../../src/core/progress.js';

function terminal(isTTY = true) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 60, write: (text: string) => writes.push(text) }, writes };
}

describe('progress', () => {
  it('draws phase, files done/total and elapsed time on one line, then clears it', () => {
    const { stream, writes } = terminal();
    let time = 0;
    const progress = createProgress(stream, {}, () => time)!;
    progress.phase('lint', 3);
    time = 150;
    progress.fileDone();
    time = 160;
    progress.fileDone(); // within 100 ms of the last draw: skipped
    time = 1500;
    progress.fileDone();
    progress.done();
    progress.done();
    expect(writes).toEqual([
      '\rprodready: lint 0/3 files (0.0s)\u001B[K',
      '\rprodready: lint 1/3 files (0.1s)\u001B[K',
      '\rprodready: lint 3/3 files (1.5s)\u001B[K',
      '\r\u001B[K',
    ]);
  });

  it('stays quiet when stderr is not a terminal or in CI', () => {
    expect(createProgress(terminal(false).stream, {})).toBeUndefined();
    expect(createProgress(terminal().stream, { CI: 'true' })).toBeUndefined();
    expect(createProgress(terminal().stream, { CI: 'false' })).toBeDefined();
  });
});
