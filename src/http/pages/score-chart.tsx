export interface ScorePoint { label: string; score: number; band: string | null }

/**
 * A small server-rendered SVG line chart (hand-written: ECharts' SSR would bring a large
 * dependency for one line), with the same numbers in a table next to it for screen readers and
 * for anyone who prefers numbers.
 */
export function ScoreChart(props: { id: string; title: string; points: ScorePoint[] }) {
  const { points } = props;
  const width = 320;
  const height = 140;
  const pad = { left: 32, right: 12, top: 12, bottom: 28 };
  const scores = points.map((p) => p.score);
  const low = Math.min(...scores, 0);
  const high = Math.max(...scores, low + 1);
  const x = (i: number) => pad.left + (points.length === 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (points.length - 1));
  const y = (v: number) => pad.top + ((high - v) * (height - pad.top - pad.bottom)) / (high - low);
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${props.id}-title`} width="100%" preserveAspectRatio="xMidYMid meet">
        <title id={`${props.id}-title`}>{`${props.title}: ${points.map((p) => `${p.label} ${p.score}`).join(', ')}`}</title>
        <line x1={pad.left} y1={height - pad.bottom} x2={width - pad.right} y2={height - pad.bottom} class="axis" />
        <line x1={pad.left} y1={pad.top} x2={pad.left} y2={height - pad.bottom} class="axis" />
        <text x={pad.left - 4} y={y(high) + 4} class="tick" text-anchor="end">{high}</text>
        <text x={pad.left - 4} y={y(low) + 4} class="tick" text-anchor="end">{low}</text>
        <path d={line} class="line" />
        {points.map((p, i) => (
          <g>
            <circle cx={x(i)} cy={y(p.score)} r="4" class="dot" />
            <text x={x(i)} y={height - pad.bottom + 16} class="tick" text-anchor="middle">{p.label}</text>
          </g>
        ))}
      </svg>
      <figcaption>
        <table>
          <caption>{props.title}</caption>
          <thead><tr><th scope="col">Timepoint</th><th scope="col">Score</th><th scope="col">Band</th></tr></thead>
          <tbody>{points.map((p) => <tr><th scope="row">{p.label}</th><td>{p.score}</td><td>{p.band ?? '—'}</td></tr>)}</tbody>
        </table>
      </figcaption>
    </figure>
  );
}
