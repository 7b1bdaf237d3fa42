/**
 * A small line chart as SVG text, for the bench's results (B10's scale curve). Hand-written: the bench
 * needs a few panels of points with a tolerance band, and a charting package would bring a browser or a
 * canvas (native) dependency into a suite that must run with nothing installed.
 */

export interface Series {
  name: string;
  color: string;
  points: Array<{ x: number; y: number }>;
}

export interface Panel {
  title: string;
  xLabel: string;
  yLabel: string;
  /** The x values to label (and, with `logX`, plotted on a log scale). */
  xTicks: number[];
  logX?: boolean;
  series: Series[];
  /** A shaded band [low, high] across the panel (e.g. ±20% of a baseline). */
  band?: { low: number; high: number; label: string };
}

const WIDTH = 420;
const HEIGHT = 300;
const MARGIN = { left: 64, right: 16, top: 36, bottom: 48 };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString());

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value)!;
}

function panelSvg(panel: Panel, offsetX: number): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xs = panel.xTicks.map((x) => (panel.logX ? Math.log10(x) : x));
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const allY = panel.series.flatMap((s) => s.points.map((p) => p.y)).concat(panel.band ? [panel.band.high] : []);
  const yMax = niceMax(Math.max(...allY) * 1.1);
  const px = (x: number) => {
    const v = panel.logX ? Math.log10(x) : x;
    return offsetX + MARGIN.left + (xMax === xMin ? plotW / 2 : ((v - xMin) / (xMax - xMin)) * plotW);
  };
  const py = (y: number) => Number((MARGIN.top + plotH - (y / yMax) * plotH).toFixed(1));
  const parts: string[] = [];
  parts.push(
    `<text x="${offsetX + WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">${escape(panel.title)}</text>`,
  );
  if (panel.band) {
    const top = Number(py(panel.band.high).toFixed(1));
    parts.push(
      `<rect x="${offsetX + MARGIN.left}" y="${top}" width="${plotW}" height="${(py(panel.band.low) - top).toFixed(1)}" fill="#9ad" fill-opacity="0.18"/>`,
      `<text x="${offsetX + MARGIN.left + 4}" y="${top - 4}" font-size="10" fill="#468">${escape(panel.band.label)}</text>`,
    );
  }
  for (let i = 0; i <= 4; i += 1) {
    const y = (yMax * i) / 4;
    parts.push(
      `<line x1="${offsetX + MARGIN.left}" x2="${offsetX + MARGIN.left + plotW}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/>`,
      `<text x="${offsetX + MARGIN.left - 6}" y="${py(y) + 4}" text-anchor="end" font-size="11">${fmt(y)}</text>`,
    );
  }
  for (const x of panel.xTicks) {
    parts.push(
      `<text x="${px(x)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle" font-size="11">${x.toLocaleString('en')}</text>`,
    );
  }
  parts.push(
    `<line x1="${offsetX + MARGIN.left}" x2="${offsetX + MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<line x1="${offsetX + MARGIN.left}" x2="${offsetX + MARGIN.left + plotW}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#333"/>`,
    `<text x="${offsetX + MARGIN.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle" font-size="12">${escape(panel.xLabel)}</text>`,
    `<text transform="translate(${offsetX + 16} ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12">${escape(panel.yLabel)}</text>`,
  );
  panel.series.forEach((series, index) => {
    const path = series.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2"/>`);
    for (const p of series.points)
      parts.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3.5" fill="${series.color}"/>`);
    const legendY = MARGIN.top + 12 + index * 14;
    parts.push(
      `<rect x="${offsetX + WIDTH - MARGIN.right - 150}" y="${legendY - 8}" width="10" height="10" fill="${series.color}"/>`,
      `<text x="${offsetX + WIDTH - MARGIN.right - 136}" y="${legendY + 1}" font-size="11">${escape(series.name)}</text>`,
    );
  });
  return parts.join('\n  ');
}

/** Panels side by side, with a caption under them. */
export function svgChart(panels: Panel[], caption: string): string {
  const width = WIDTH * panels.length;
  const height = HEIGHT + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `  <rect width="${width}" height="${height}" fill="white"/>`,
    ...panels.map((panel, i) => `  ${panelSvg(panel, i * WIDTH)}`),
    `  <text x="${width / 2}" y="${height - 6}" text-anchor="middle" font-size="11" fill="#555">${escape(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
