import type { ComponentChildren } from 'preact';

/**
 * The figure every horizontal chart is drawn in: an SVG labelled by its title and a description
 * that says every row in words (what a screen reader reads), and the caption under it.
 */
export function ChartFrame(props: { id: string; title: string; description: string; width: number; height: number; caption: ComponentChildren; children: ComponentChildren }) {
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${props.width} ${props.height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        {props.children}
      </svg>
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}
