import { ChartFrame } from './chart-frame.js';

export interface Bar {
  label: string;
  /** 0 to 1, or null when there is nothing to show (drawn as a gap, said as "nothing due"). */
  value: number | null;
  /** What the bar means in words, e.g. "2 of 3 done". */
  detail: string;
}

/**
 * A horizontal bar chart of rates, drawn on the server as SVG (no script, no inline style: colours
 * are classes in app.css, from the Okabe–Ito palette). Labels sit above their bars so long names
 * fit at 390 px; the same figures are in the table the page puts under it.
 */
export function BarChart(props: { id: string; title: string; summary: string; bars: Bar[] }) {
  const width = 320;
  const row = 34;
  const left = 4;
  const right = 44;
  const height = Math.max(1, props.bars.length) * row + 8;
  const x = (v: number) => left + v * (width - left - right);
  return (
    <ChartFrame id={props.id} title={props.title} description={props.bars.map((b) => `${b.label}: ${b.detail}`).join('; ')} width={width} height={height} caption={props.summary}>
      {props.bars.map((bar, i) => {
        const top = i * row + 4;
        return (
          <g>
            <text x={left} y={top + 10} class="tick">{bar.label}</text>
            <rect x={left} y={top + 14} width={x(1) - left} height="12" class="bar-track" />
            {bar.value !== null && <rect x={left} y={top + 14} width={Math.max(1, x(bar.value) - left)} height="12" class={bar.value < 0.5 ? 'bar bar-low' : 'bar'} />}
            <text x={x(1) + 4} y={top + 24} class="tick">{bar.value === null ? '–' : `${Math.round(bar.value * 100)}%`}</text>
          </g>
        );
      })}
      <line x1={x(0.5)} y1="0" x2={x(0.5)} y2={height} class="guide" />
    </ChartFrame>
  );
}
