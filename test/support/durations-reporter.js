/**
 * After the run, every test file's duration, slowest first, with the run's
 * wall time: what to look at when `npm test` gets slower (CI's output keeps
 * it). Files run four at a time (jest.config.js), so the durations add up to
 * several times the wall time. Plain JavaScript: jest loads reporters untransformed.
 */
class DurationsReporter {
  /** @param {import('@jest/types').Config.GlobalConfig} globalConfig */
  constructor(globalConfig) {
    this.root = `${globalConfig.rootDir}/`;
  }

  /**
   * @param {unknown} _contexts
   * @param {import('@jest/reporters').AggregatedResult} results
   */
  onRunComplete(_contexts, results) {
    const rows = results.testResults
      .map((file) => ({
        seconds: (file.perfStats.end - file.perfStats.start) / 1000,
        name: file.testFilePath.replace(this.root, ''),
      }))
      .filter((row) => row.seconds >= 0)
      .sort((a, b) => b.seconds - a.seconds);
    const total = rows.reduce((sum, row) => sum + row.seconds, 0);
    const wall = (Date.now() - results.startTime) / 1000;
    const lines = rows.map((row) => `${row.seconds.toFixed(1).padStart(7)} s  ${row.name}`);
    process.stderr.write(
      `\nTest file durations, slowest first (sum ${total.toFixed(0)} s, wall ${wall.toFixed(0)} s):\n${lines.join('\n')}\n`,
    );
  }
}

module.exports = DurationsReporter;
