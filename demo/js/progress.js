/**
 * How far the count has got: lines counted of all lines, and value and
 * variance over the counted lines only, so a line nobody counted yet does
 * not look like a loss of its whole expected stock (docs/demo.md,
 * "Progress"). The figures are the API's `Stocktake.progress`, as loaded and
 * as each line event brings it; after an event stored before events carried
 * it they are summed from the lines on screen, which every line event keeps
 * whole.
 */
import { isNegative, money, sumMoney } from './format.js';

const $ = (id) => document.getElementById(id);

/** Whether a line was counted (`countedAt` is null until someone counts it). */
export const isCounted = (line) => line.countedAt != null;

/** The same figures as `Stocktake.progress`, from the lines (exactly, in cents). */
export function progressOf(lines) {
  const counted = lines.filter(isCounted);
  return {
    countedLines: counted.length,
    totalLines: lines.length,
    countedValue: sumMoney(counted.map((line) => line.countedValue)),
    varianceValueCounted: sumMoney(counted.map((line) => line.varianceValue)),
  };
}

export function renderProgress(progress) {
  const box = $('progress');
  box.hidden = !progress;
  if (!progress) return;
  const { countedLines, totalLines } = progress;
  $('progress-bar').max = Math.max(totalLines, 1);
  $('progress-bar').value = countedLines;
  $('progress-text').textContent = `${countedLines} of ${totalLines} lines counted`;
  $('progress-counted-value').textContent = money(progress.countedValue);
  $('progress-variance').textContent = money(progress.varianceValueCounted);
  $('progress-variance').classList.toggle('negative', isNegative(progress.varianceValueCounted));
}
