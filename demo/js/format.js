/**
 * Display of the API's values. Decimals arrive as exact strings
 * ("88.0000", "45.50"), so they are shortened and summed as strings and
 * integers, never as floating point.
 */

/** "88.0000" → "88.00"; keeps digits beyond two places only when they are not zero. */
export function quantity(value) {
  if (value == null) return '';
  const [whole, fraction = ''] = String(value).split('.');
  const kept = fraction.replace(/0+$/, '');
  return `${whole}.${kept.padEnd(2, '0')}`;
}

/** "1234.5" → "€1,234.50". */
export function money(value) {
  if (value == null) return '';
  const negative = String(value).startsWith('-');
  const [whole, fraction = ''] = String(value).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}€${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export function isNegative(value) {
  return String(value).startsWith('-') && /[1-9]/.test(String(value));
}

/** Sum of 2-place decimal strings, exact (in cents), as a 2-place string. */
export function sumMoney(values) {
  let cents = 0n;
  for (const value of values) {
    const negative = value.startsWith('-');
    const [whole, fraction = ''] = value.replace('-', '').split('.');
    const amount = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
    cents += negative ? -amount : amount;
  }
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** "2025-11-01" and "2025-11-30" → "2025-11-01 – 2025-11-30". */
export function period(stocktake) {
  return `${stocktake.periodStart} – ${stocktake.periodEnd}`;
}
