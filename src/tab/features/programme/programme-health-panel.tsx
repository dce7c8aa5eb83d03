/** One programme's health for its owner: summary figures, the charts (lazy), the pairs at risk, and the export. */
import { Button, Card, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useState } from 'react';
import type { ExportPart } from '../../../contracts/programme-export';
import type { HealthDto } from '../../../contracts/programmes';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { useSession } from '../../app/session';
import { useLoader } from '../../app/use-loader';
import { LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useI18n, type Translate } from '../../i18n/i18n';
import { NudgeButton } from './nudge-button';

const ProgrammeCharts = lazy(() => import('./programme-charts'));

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL },
  figures: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' },
  figure: { display: 'grid', gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalM },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  // "Hidden" or "Nothing counted yet" is a reason, not a figure: body size, so the card keeps the row's height.
  reason: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  exports: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tableWrap: { overflowX: 'auto' },
});

/** Shown value, or the reason it is not: hidden (under five people) or nothing to count yet. */
function shown(value: number | null, hidden: boolean, t: Translate, as: (n: number) => string = String): string {
  if (value === null) return hidden ? t('programme.health.hidden') : t('programme.health.noData');
  return as(value);
}

export function ProgrammeHealthPanel({ programmeId }: { programmeId: string }) {
  const { api } = useSession();
  const { t, format } = useI18n();
  const styles = useStyles();
  const { loaded, reload } = useLoader((signal) => api.getProgrammeHealth(programmeId, signal), [api, programmeId]);
  const [exportProblem, setExportProblem] = useState<ApiProblem | undefined>(undefined);

  if (loaded.state === 'loading') return <LoadingSkeleton />;
  if (loaded.state === 'error') return <ProblemMessage problem={loaded.problem} onRetry={reload} />;
  const h: HealthDto = loaded.data;
  const percent = (n: number) => `${Math.round(n * 100)} %`;
  const figures: [string, string][] = [
    [t('programme.health.pairs'), shown(h.pairs, h.smallGroup, t)],
    [t('programme.health.held'), shown(h.meetings?.held ?? null, h.smallGroup, t)],
    [t('programme.health.missed'), shown(h.meetings?.missed ?? null, h.smallGroup, t)],
    [t('programme.health.cancelled'), shown(h.meetings?.cancelled ?? null, h.smallGroup, t)],
    [t('programme.health.responseRate'), shown(h.checkInResponseRate, h.smallGroup, t, percent)],
    [t('programme.health.goalProgress'), shown(h.goalProgressAverage, h.smallGroup, t, (n) => `${n} %`)],
    [t('programme.health.firstMeeting'), shown(h.daysToFirstMeeting, h.smallGroup || h.hidden.length > 0, t)],
  ];

  const download = async (part: ExportPart) => {
    setExportProblem(undefined);
    try {
      const csv = await api.exportProgramme(programmeId, part);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `programme-${part}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportProblem(problemOf(error));
    }
  };

  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">{t('programme.health.title')}</Subtitle2>
      <Text>{t('programme.health.fromFacts')}</Text>
      {h.hiddenReason ? <Notice intent="info">{t('programme.health.smallGroup')}</Notice> : null}
      <div className={styles.figures}>
        {figures.map(([label, value]) => (
          <Card key={label} className={styles.figure}>
            <Text size={200}>{label}</Text>
            <Text className={value === t('programme.health.hidden') || value === t('programme.health.noData') ? styles.reason : styles.value}>{value}</Text>
          </Card>
        ))}
      </div>
      {h.smallGroup ? null : (
        <Suspense fallback={<Text>{t('programme.charts.loading')}</Text>}>
          <ProgrammeCharts health={h} />
        </Suspense>
      )}
      <Subtitle2 as="h2">{t('programme.atRisk.title')}</Subtitle2>
      {h.atRisk.pairs.length === 0 ? (
        <Text>{t('programme.atRisk.none')}</Text>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-label={t('programme.atRisk.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('programme.atRisk.pair')}</TableHeaderCell>
                <TableHeaderCell>{t('programme.atRisk.why')}</TableHeaderCell>
                <TableHeaderCell>{t('programme.atRisk.lastMeeting')}</TableHeaderCell>
                <TableHeaderCell>{t('programme.nudge.send')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {h.atRisk.pairs.map((p) => (
                <TableRow key={p.relationshipId}>
                  <TableCell>{`${p.menteeName} · ${p.mentorName}`}</TableCell>
                  <TableCell>{format.list(p.risks.map((r) => t(`programme.risk.${r}`)))}</TableCell>
                  <TableCell>{p.lastHeldAt ? format.date(p.lastHeldAt) : t('programme.atRisk.never')}</TableCell>
                  <TableCell>
                    <NudgeButton programmeId={programmeId} relationshipId={p.relationshipId} pairName={`${p.menteeName} · ${p.mentorName}`} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {h.atRisk.pairs.length > 0 ? <Text size={200}>{t('programme.nudge.about')}</Text> : null}
      {h.atRisk.total > h.atRisk.pairs.length ? <Text>{t('programme.atRisk.more', { shown: String(h.atRisk.pairs.length), total: String(h.atRisk.total) })}</Text> : null}
      <Subtitle2 as="h2">{t('programme.export.title')}</Subtitle2>
      <Text>{t('programme.export.note')}</Text>
      <div className={styles.exports}>
        {(['aggregates', 'pairs', 'columns'] as const).map((part) => (
          <Button key={part} onClick={() => void download(part)}>
            {t(`programme.export.${part}`)}
          </Button>
        ))}
      </div>
      {exportProblem ? <ProblemMessage problem={exportProblem} /> : null}
    </div>
  );
}
