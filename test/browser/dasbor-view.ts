// Draws the Dasbor sheet as the test sees it (the values the script wrote and its chart definitions) for a screenshot;
// the simulator's grid does not draw charts, so this page shows what Sheets would draw from the same data.

/** One chart as the emulator keeps it. */
export interface DasborChart {
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
}

const COLORS = ['#1d4ed8', '#047857', '#b45309', '#b91c1c', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f'];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "A5:B12" -> the cells of that block of the grid. */
function cells(grid: string[][], a1: string): string[][] {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(a1.replace(/^.*!/, ''));
  if (!m) return [];
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [c1, r1, c2, r2] = [col(m[1]!), Number(m[2]) - 1, col(m[3]!), Number(m[4]) - 1];
  return grid.slice(r1, r2 + 1).map((row) => row.slice(c1, c2 + 1));
}

function barChart(points: [string, number][], horizontal: boolean): string {
  const max = Math.max(1, ...points.map(([, v]) => v));
  if (horizontal) {
    const rows = points
      .map(([label, v], i) => {
        const w = Math.round((v / max) * 260);
        const y = 8 + i * 26;
        return `<text x="200" y="${y + 14}" text-anchor="end" font-size="12">${esc(label.slice(0, 32))}</text><rect x="208" y="${y}" width="${w}" height="18" fill="${COLORS[0]}"/><text x="${214 + w}" y="${y + 14}" font-size="12">${v}</text>`;
      })
      .join('');
    return `<svg width="520" height="${16 + points.length * 26}">${rows}</svg>`;
  }
  const width = Math.max(360, points.length * 56 + 60);
  const cols = points
    .map(([label, v], i) => {
      const h = Math.round((v / max) * 150);
      const x = 30 + i * 56;
      return `<rect x="${x}" y="${170 - h}" width="30" height="${h}" fill="${COLORS[1]}"/><text x="${x + 15}" y="${165 - h}" text-anchor="middle" font-size="11">${v}</text><text x="${x + 15}" y="186" text-anchor="middle" font-size="10" transform="rotate(30 ${x + 15} 186)">${esc(label.slice(0, 26))}</text>`;
    })
    .join('');
  return `<svg width="${width}" height="280"><line x1="25" y1="170" x2="${width - 10}" y2="170" stroke="#6b7280"/>${cols}</svg>`;
}

function pieChart(points: [string, number][]): string {
  const total = points.reduce((n, [, v]) => n + v, 0) || 1;
  let angle = -Math.PI / 2;
  const slices: string[] = [];
  const legend: string[] = [];
  points.forEach(([label, v], i) => {
    const color = COLORS[i % COLORS.length]!;
    legend.push(
      `<rect x="200" y="${20 + i * 22}" width="12" height="12" fill="${color}"/><text x="218" y="${31 + i * 22}" font-size="12">${esc(label)} (${v})</text>`,
    );
    if (v === 0) return;
    const next = angle + (2 * Math.PI * v) / total;
    const [x1, y1, x2, y2] = [
      90 + 80 * Math.cos(angle),
      100 + 80 * Math.sin(angle),
      90 + 80 * Math.cos(next),
      100 + 80 * Math.sin(next),
    ];
    const large = next - angle > Math.PI ? 1 : 0;
    slices.push(
      v === total
        ? `<circle cx="90" cy="100" r="80" fill="${color}"/>`
        : `<path d="M90,100 L${x1},${y1} A80,80 0 ${large} 1 ${x2},${y2} Z" fill="${color}"/>`,
    );
    angle = next;
  });
  return `<svg width="520" height="${Math.max(200, 40 + points.length * 22)}">${slices.join('')}${legend.join('')}</svg>`;
}

/** The Dasbor page: its tables (the sheet's values, formatted as shown) and its charts, drawn from the same ranges. */
export function dasborHtml(grid: string[][], charts: DasborChart[]): string {
  const table = grid
    .map((row) => {
      const filled = row.some((c) => c !== '');
      return filled
        ? `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`
        : '<tr class="gap"><td colspan="8"></td></tr>';
    })
    .join('');
  const drawn = charts
    .map((chart) => {
      const block = cells(grid, chart.ranges[0] ?? '');
      const points = block.slice(1).map((r) => [r[0] ?? '', Number(r[1] ?? 0) || 0] as [string, number]);
      const body = chart.type === 'PIE' ? pieChart(points) : barChart(points, chart.type === 'BAR');
      return `<figure><figcaption>${esc(String(chart.options.title ?? ''))}</figcaption>${body}</figure>`;
    })
    .join('');
  return [
    '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Dasbor</title><style>',
    'body{font-family:Arial,Helvetica,sans-serif;margin:0;background:#f3f4f6;color:#111827}',
    'header{background:#0f9d58;color:#fff;padding:8px 16px;font-size:14px}',
    '.wrap{display:flex;gap:16px;padding:12px;align-items:flex-start}',
    'table{border-collapse:collapse;background:#fff;font-size:12px}td{border:1px solid #e5e7eb;padding:2px 6px;white-space:nowrap;max-width:260px;overflow:hidden;text-overflow:ellipsis}',
    'tr.gap td{border:0;height:8px;background:#f3f4f6}',
    '.charts{display:flex;flex-direction:column;gap:12px}figure{margin:0;background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:8px}',
    'figcaption{font-weight:bold;font-size:13px;margin-bottom:4px}svg text{font-family:Arial,Helvetica,sans-serif}',
    '</style></head><body><header>Lembar "Dasbor" (nilai dan diagram yang ditulis skrip)</header>',
    `<div class="wrap"><table>${table}</table><div class="charts">${drawn}</div></div></body></html>`,
  ].join('');
}
