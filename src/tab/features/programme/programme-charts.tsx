/**
 * The health charts (Fluent UI v9 charts). Loaded only when an owner opens a programme's health, in
 * a chunk of its own: the charting code never reaches the tab's first download.
 */
import { DonutChart, type ChartDataPoint } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { HealthDto } from '../../../contracts/programmes';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  charts: { display: 'grid', gap: tokens.spacingHorizontalL, gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))' },
});

export default function ProgrammeCharts({ health }: { health: HealthDto }) {
  const { t } = useI18n();
  const styles = useStyles();
  // Hidden stages (under five people) are left out of the chart rather than drawn as zero.
  const stages: ChartDataPoint[] = (['matched', 'agreed', 'meeting', 'closed'] as const).flatMap((stage, i) => {
    const value = health.byStage[stage];
    return value === null || value === 0 ? [] : [{ legend: t(`programme.stage.${stage}`), data: value, color: [tokens.colorPaletteBlueBorderActive, tokens.colorPaletteTealBorderActive, tokens.colorPaletteGreenBorderActive, tokens.colorNeutralStroke1][i]! }];
  });
  const m = health.meetings;
  const meetings: ChartDataPoint[] = m
    ? [
        { legend: t('programme.health.held'), data: m.held, color: tokens.colorPaletteGreenBorderActive },
        { legend: t('programme.health.missed'), data: m.missed, color: tokens.colorPaletteMarigoldBorderActive },
        { legend: t('programme.health.cancelled'), data: m.cancelled, color: tokens.colorPaletteRedBorderActive },
        { legend: t('programme.health.planned'), data: m.planned, color: tokens.colorNeutralStroke1 },
      ].filter((d) => d.data > 0)
    : [];
  return (
    <div className={styles.charts}>
      {stages.length > 0 ? <DonutChart data={{ chartTitle: t('programme.charts.stages'), chartData: stages }} innerRadius={55} height={220} width={260} hideLegend={false} /> : null}
      {meetings.length > 0 ? <DonutChart data={{ chartTitle: t('programme.charts.meetings'), chartData: meetings }} innerRadius={55} height={220} width={260} hideLegend={false} /> : null}
    </div>
  );
}
