/**
 * The count screen's filters: a search (item name or SKU), a category and
 * "Not counted yet". They hide rows (and a category with no row left); a
 * row holding the focus stays, so counting a line never makes the field
 * being typed into vanish.
 */
import { isCounted } from './progress.js';

const $ = (id) => document.getElementById(id);

export function mountFilters({ lineOf, onChange }) {
  const search = $('line-search');
  const category = $('category-filter');
  const uncounted = $('uncounted-only');

  function matches(line) {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const text = `${line.itemName} ${line.itemSize} ${line.itemSku}`.toLowerCase();
    if (!words.every((word) => text.includes(word))) return false;
    if (category.value && line.categoryCode !== category.value) return false;
    return !uncounted.checked || !isCounted(line);
  }

  /** Shows or hides one row by the filters. */
  function applyTo(row) {
    const line = lineOf(row);
    if (line) row.hidden = !matches(line) && !row.contains(document.activeElement);
  }

  function applyAll() {
    const tables = [...document.querySelectorAll('#categories table')];
    let shown = 0;
    let total = 0;
    for (const table of tables) {
      const rows = [...table.tBodies[0].rows];
      for (const row of rows) applyTo(row);
      const visible = rows.filter((row) => !row.hidden).length;
      table.hidden = visible === 0;
      shown += visible;
      total += rows.length;
    }
    $('filter-summary').textContent = total
      ? shown === total
        ? `${total} lines`
        : `Showing ${shown} of ${total} lines`
      : '';
    $('no-match').hidden = !total || shown > 0;
  }

  /** The categories of the lines, in the order they first appear. */
  function setCategories(lines) {
    const chosen = category.value;
    const seen = new Map();
    for (const line of lines) if (!seen.has(line.categoryCode)) seen.set(line.categoryCode, line.categoryName);
    category.replaceChildren(
      new Option('All categories', ''),
      ...[...seen].map(([code, name]) => new Option(name, code)),
    );
    category.value = seen.has(chosen) ? chosen : '';
  }

  const changed = () => {
    applyAll();
    onChange?.();
  };
  search.addEventListener('input', changed);
  category.addEventListener('change', changed);
  uncounted.addEventListener('change', changed);

  return {
    applyAll,
    setCategories,
    unmount() {
      search.removeEventListener('input', changed);
      category.removeEventListener('change', changed);
      uncounted.removeEventListener('change', changed);
    },
  };
}
