import { ChartFrame } from './chart-frame.js';

export interface ChangeRow {
  label: string;
  /** The change in standard deviations at baseline, turned so that improvement is positive; null when not shown. */
  value: number | null;
  /** What the row means in words, e.g. "4.25 points better, effect size 0.75". */
  detail: string;
}

/**
 * Change per measure as a diverging bar chart of effect sizes, turned so that bars to the right
 * of the zero line are improvement whichever way the measure runs (PHQ-9 falls, ONS4 happiness
 * rises); deterioration is drawn to the left in vermilion. Effect sizes put measures with
 * different ranges on one scale; the table under the chart has the points. SVG on the server.
 */
export function ChangeChart(props: { id: string; title: string; summary: string; rows: ChangeRow[] }) {
  const width = 320;
  const row = 34;
  const side = 60;
  const largest = Math.max(1, ...props.rows.map((r) => Math.abs(r.value ?? 0)));
  const limit = Math.min(3, Math.ceil(largest * 2) / 2);
  const zero = width / 2;
  const x = (v: number) => zero + (Math.max(-limit, Math.min(limit, v)) / limit) * (zero - side);
  const height = Math.max(1, props.rows.length) * row + 20;
  return (
    <ChartFrame id={props.id} title={props.title} description={props.rows.map((r) => `${r.label}: ${r.detail}`).join('; ')} width={width} height={height} caption={props.summary}>
      {props.rows.map((r, i) => {
        const top = i * row + 4;
        const end = r.value === null ? zero : x(r.value);
        return (
          <g>
            <text x={4} y={top + 10} class="tick">{r.label}</text>
            {r.value !== null && <rect x={Math.min(zero, end)} y={top + 14} width={Math.max(1, Math.abs(end - zero))} height="12" class={r.value < 0 ? 'bar bar-low' : 'bar'} />}
            <text x={r.value !== null && r.value < 0 ? 4 : width - 4} y={top + 24} class="tick" text-anchor={r.value !== null && r.value < 0 ? 'start' : 'end'}>
              {r.value === null ? 'not shown' : r.value.toFixed(2)}
            </text>
          </g>
        );
      })}
      <line x1={zero} y1="0" x2={zero} y2={height - 16} class="axis" />
      <text x={x(-limit)} y={height - 4} class="tick">{`worse ${limit}`}</text>
      <text x={zero} y={height - 4} class="tick" text-anchor="middle">0</text>
      <text x={x(limit)} y={height - 4} class="tick" text-anchor="end">{`better ${limit}`}</text>
    </ChartFrame>
  );
}
