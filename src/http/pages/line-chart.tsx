export interface LineSeries {
  name: string;
  /** One value a point, null for a gap; the class picks its Okabe–Ito colour and dash in app.css. */
  values: Array<number | null>;
  className: 'series-a' | 'series-b' | 'series-c';
}

/**
 * A line chart over labelled points (months), server-rendered SVG with a legend in words: colour
 * is never the only cue, each series also has its own dash and marker shape. The page puts the
 * same numbers in a table under it.
 */
export function LineChart(props: { id: string; title: string; summary: string; labels: string[]; series: LineSeries[]; max?: number; unit?: string }) {
  const width = 340;
  const height = 170;
  const pad = { left: 34, right: 18, top: 10, bottom: 26 };
  const values = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const high = props.max ?? Math.max(1, ...values);
  const n = props.labels.length;
  const x = (i: number) => pad.left + (n <= 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (n - 1));
  const y = (v: number) => pad.top + ((high - v) * (height - pad.top - pad.bottom)) / high;
  const unit = props.unit ?? '';
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${props.id}-title`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${props.id}-title`}>{`${props.title}. ${props.summary}`}</title>
        <line x1={pad.left} y1={height - pad.bottom} x2={width - pad.right} y2={height - pad.bottom} class="axis" />
        <line x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} class="axis" />
        <text x={pad.left - 4} y={y(high) + 4} class="tick" text-anchor="end">{`${high}${unit}`}</text>
        <text x={pad.left - 4} y={y(0) + 4} class="tick" text-anchor="end">{`0${unit}`}</text>
        {props.labels.map((label, i) => (i % 2 === (n - 1) % 2 ? <text x={x(i)} y={height - pad.bottom + 14} class="tick" text-anchor="middle">{label}</text> : null))}
        {props.series.map((s) => (
          <g class={s.className}>
            <path d={pathOf(s.values, x, y)} class="line" />
            {s.values.map((v, i) => (v === null ? null : <circle cx={x(i)} cy={y(v)} r="3" class="dot" />))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="legend">{props.series.map((s) => <li class={s.className}><span class="swatch" aria-hidden="true" />{s.name}</li>)}</ul>
        <p>{props.summary}</p>
      </figcaption>
    </figure>
  );
}

function pathOf(values: Array<number | null>, x: (i: number) => number, y: (v: number) => number): string {
  let pen = 'M';
  return values
    .map((v, i) => {
      if (v === null) { pen = 'M'; return ''; }
      const step = `${pen}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = 'L';
      return step;
    })
    .join(' ')
    .trim();
}
