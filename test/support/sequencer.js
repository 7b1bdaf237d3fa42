/**
 * Jest's own order (files that failed last time first, then the slowest by the last run's timings, then the
 * largest), except that on a run with no timings (a fresh clone, as in CI) the browser files go first: they take
 * longest, but they are small files, so jest would start them last and the run would end with them alone.
 * Plain JavaScript: jest loads its sequencer untransformed.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads this file as CommonJS, untransformed
const Sequencer = require('@jest/test-sequencer').default;

class BrowserFilesFirst extends Sequencer {
  /** @param {Array<import('@jest/test-result').Test>} tests */
  sort(tests) {
    const sorted = super.sort(tests);
    const browser = sorted.filter((test) => test.path.includes('/test/browser/'));
    return [...browser, ...sorted.filter((test) => !browser.includes(test))];
  }
}

module.exports = BrowserFilesFirst;
