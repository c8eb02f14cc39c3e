import type { ChangeFigures, Count, ItemOutcome, MeasureOutcome, Share } from '../../domain/analytics/measure-outcome.js';

/** A count as the report gives it ("<5" and "withheld" when small numbers are suppressed). */
export const countText = (count: Count | null): string => (count === null ? '–' : String(count));
/** A mean or an effect size; a dash when too few people to show it. */
export const figureText = (value: number | null): string => (value === null ? '–' : value.toFixed(2));
export const shareText = (share: Share | null): string =>
  share === null ? '–' : `${countText(share.count)}${share.percent === null ? '' : ` (${share.percent}%)`}`;
export const changeText = (figures: ChangeFigures): string =>
  figures.change.mean === null ? '–' : `${figureText(figures.change.mean)}${figures.change.ci95 ? ` (${figures.change.ci95[0].toFixed(2)} to ${figures.change.ci95[1].toFixed(2)})` : ''}`;

/**
 * One measure's figures as tables: a measure with a total on its total (reliable change and
 * recovery where it has a threshold), a measure without one (ONS4) item by item with the share
 * of people in each band at baseline and at follow-up.
 */
export function OutcomeTables(props: { outcome: MeasureOutcome; itemLabel: (item: string) => string }) {
  const { outcome } = props;
  const id = `measure-${outcome.measure}`;
  return (
    <>
      <div class="table-wrap" tabIndex={0}>
        <table data-testid={id}>
          <caption>{outcome.title}: the cohort</caption>
          <thead><tr><th scope="col">Figure</th><th scope="col">Value</th></tr></thead>
          <tbody>
            <tr><th scope="row">Enrolled in the period</th><td>{countText(outcome.enrolled)}</td></tr>
            <tr><th scope="row">Baselines completed</th><td>{countText(outcome.baselines)}</td></tr>
            <tr><th scope="row">With a follow-up</th><td>{countText(outcome.followUps)}</td></tr>
            <tr><th scope="row">Paired (baseline and latest follow-up)</th><td>{countText(outcome.paired)}</td></tr>
            {outcome.items.length === 0 && <ChangeRows figures={outcome} />}
          </tbody>
        </table>
      </div>
      {outcome.items.length > 0 && <ItemTables id={id} title={outcome.title} items={outcome.items} itemLabel={props.itemLabel} />}
    </>
  );
}

function ChangeRows(props: { figures: ChangeFigures }) {
  const f = props.figures;
  return (
    <>
      <tr><th scope="row">Mean at baseline</th><td>{figureText(f.baselineMean)}</td></tr>
      <tr><th scope="row">Mean at follow-up</th><td>{figureText(f.followUpMean)}</td></tr>
      <tr><th scope="row">Mean change (95% confidence interval)</th><td>{changeText(f)}</td></tr>
      <tr><th scope="row">Effect size (change ÷ SD at baseline)</th><td>{figureText(f.effectSize)}</td></tr>
      {f.reliableChangeThreshold === 'no threshold'
        ? <tr><th scope="row">Reliable change</th><td>no published threshold</td></tr>
        : (
          <>
            <tr><th scope="row">Reliable improvement (change of {f.reliableChangeThreshold} or more)</th><td>{shareText(f.reliableImprovement)}</td></tr>
            <tr><th scope="row">No reliable change</th><td>{shareText(f.noReliableChange)}</td></tr>
            <tr><th scope="row">Reliable deterioration</th><td>{shareText(f.reliableDeterioration)}</td></tr>
          </>
        )}
      {f.casenessThreshold === 'no threshold'
        ? <tr><th scope="row">Recovery</th><td>no caseness cut-off</td></tr>
        : (
          <>
            <tr><th scope="row">Cases at baseline ({f.casenessThreshold} or more)</th><td>{countText(f.casesAtBaseline)}</td></tr>
            <tr><th scope="row">Recovery (of the cases)</th><td>{shareText(f.recovery)}</td></tr>
            <tr><th scope="row">Reliable recovery (of the cases)</th><td>{shareText(f.reliableRecovery)}</td></tr>
          </>
        )}
    </>
  );
}

function ItemTables(props: { id: string; title: string; items: readonly ItemOutcome[]; itemLabel: (item: string) => string }) {
  const banded = props.items.filter((item) => item.bands);
  return (
    <>
      <div class="table-wrap" tabIndex={0}>
        <table data-testid={`${props.id}-items`}>
          <caption>{props.title}: item by item</caption>
          <thead><tr><th scope="col">Item</th><th scope="col">Paired</th><th scope="col">Mean at baseline</th><th scope="col">Mean at follow-up</th><th scope="col">Change (95% CI)</th><th scope="col">Effect size</th></tr></thead>
          <tbody>
            {props.items.map((item) => (
              <tr><th scope="row">{props.itemLabel(item.item)}{item.higherIsBetter ? '' : ' (lower is better)'}</th><td>{countText(item.paired)}</td><td>{figureText(item.baselineMean)}</td><td>{figureText(item.followUpMean)}</td><td>{changeText(item)}</td><td>{figureText(item.effectSize)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {banded.map((item) => (
        <div class="table-wrap" tabIndex={0}>
          <table data-testid={`${props.id}-${item.item}-bands`}>
            <caption>{props.itemLabel(item.item)}: people in each band (of the paired)</caption>
            <thead><tr><th scope="col">Band</th><th scope="col">At baseline</th><th scope="col">At follow-up</th></tr></thead>
            <tbody>
              {item.bands!.baseline.map((band, index) => (
                <tr><th scope="row">{band.band}</th><td>{shareText(band)}</td><td>{shareText(item.bands!.followUp[index] ?? null)}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
