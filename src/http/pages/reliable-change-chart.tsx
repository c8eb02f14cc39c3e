import { ChartFrame } from './chart-frame.js';

export interface ReliableChangeRow {
  label: string;
  /** Percentages of the paired set; null when the measure has no threshold or small numbers are withheld. */
  shares: { improved: number; none: number; worse: number } | null;
  /** What the row means in words, e.g. "4 improved (50%), 3 no reliable change (37.5%), 1 deteriorated (12.5%)". */
  detail: string;
}

const parts = [['improved', 'rc-improved', 'Reliable improvement'], ['none', 'rc-none', 'No reliable change'], ['worse', 'rc-worse', 'Reliable deterioration']] as const;

/**
 * The reliable change categories per measure as 100% stacked bars, in Okabe–Ito bluish green,
 * grey and vermilion with a legend in words and each bar's figures written out, so colour is
 * never the only cue. SVG on the server; the table under it has the counts.
 */
export function ReliableChangeChart(props: { id: string; title: string; summary: string; rows: ReliableChangeRow[] }) {
  const width = 320;
  const row = 34;
  const span = width - 8;
  const height = Math.max(1, props.rows.length) * row + 8;
  const legend = <ul class="legend">{parts.map(([, className, name]) => <li class={className}><span class="swatch" aria-hidden="true" />{name}</li>)}</ul>;
  return (
    <ChartFrame id={props.id} title={props.title} description={props.rows.map((r) => `${r.label}: ${r.detail}`).join('; ')} width={width} height={height} caption={<>{legend}{props.summary}</>}>
      {props.rows.map((r, i) => {
        const top = i * row + 4;
        let left = 4;
        return (
          <g>
            <text x={4} y={top + 10} class="tick">{r.label}</text>
            {r.shares === null
              ? <text x={4} y={top + 26} class="tick">{r.detail}</text>
              : parts.map(([key, className]) => {
                  const w = (r.shares![key] / 100) * span;
                  const rect = w > 0 ? <rect x={left} y={top + 14} width={w} height="12" class={className} /> : null;
                  left += w;
                  return rect;
                })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
