import { Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AgreementDto } from '../../../contracts';
import type { AgreementPreviewDto } from '../../../contracts/agreement';
import { useApi } from '../../app/session';
import { useI18n } from '../../i18n/i18n';

type Window = AgreementPreviewDto['fits'][number];

const HOUR_PX = 10;
const useStyles = makeStyles({
  figure: { margin: 0, display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  grid: { display: 'grid', gridTemplateColumns: `${tokens.spacingHorizontalXXL} repeat(7, minmax(0, 1fr))`, gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  dayName: { textAlign: 'center', overflow: 'hidden', textOverflow: 'clip', whiteSpace: 'nowrap' },
  hours: { position: 'relative', height: `${24 * HOUR_PX}px` },
  hour: { position: 'absolute', right: 0, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, transform: 'translateY(-50%)' },
  day: {
    position: 'relative',
    height: `${24 * HOUR_PX}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
  },
  bar: { position: 'absolute', borderRadius: tokens.borderRadiusSmall },
  mine: { left: '0', width: '33%', backgroundColor: tokens.colorPaletteBlueBorderActive },
  partner: { left: '33%', width: '33%', backgroundColor: tokens.colorPaletteMarigoldBorderActive },
  fit: { left: '66%', width: '34%', backgroundColor: tokens.colorPaletteGreenBorderActive },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, alignItems: 'center' },
  // A key keeps its words on one line while the row has room, and wraps only when it is wider than the row.
  key: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexShrink: 0, maxWidth: '100%' },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall, display: 'inline-block', flexShrink: 0, position: 'static' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A window as pieces per weekday: one that runs past midnight continues on the next day. */
export function piecesByDay(windows: readonly Window[]): Map<number, { from: number; to: number }[]> {
  const byDay = new Map<number, { from: number; to: number }[]>();
  const add = (day: number, from: number, to: number) => {
    if (to <= from) return;
    const list = byDay.get(day) ?? [];
    list.push({ from, to });
    byDay.set(day, list);
  };
  for (const w of windows) {
    const start = minutes(w.start);
    const end = minutes(w.end);
    if (w.endsNextDay || end <= start) {
      add(w.weekday, start, 24 * 60);
      add((w.weekday % 7) + 1, 0, end);
    } else add(w.weekday, start, end);
  }
  return byDay;
}

/** The preview of a draft, fetched again (debounced) whenever the draft changes; undefined while it is not a complete agreement. */
function usePreview(relationshipId: string, agreement: AgreementDto): AgreementPreviewDto | undefined | 'incomplete' {
  const api = useApi();
  const [preview, setPreview] = useState<AgreementPreviewDto | undefined | 'incomplete'>();
  const key = JSON.stringify(agreement);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.previewAgreement(relationshipId, JSON.parse(key) as AgreementDto, controller.signal).then(
        (p) => !controller.signal.aborted && setPreview(p),
        () => !controller.signal.aborted && setPreview('incomplete'),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, relationshipId, key]);
  return preview;
}

/**
 * The boundaries as a picture on my own clock: my windows, my partner's windows converted to my zone,
 * and where a meeting of the agreed length fits for both; weeks where a clock change moves that
 * overlap are listed beneath. Updates as the draft changes.
 */
export function AgreementWeekGrid({ relationshipId, agreement, partnerName }: { relationshipId: string; agreement: AgreementDto; partnerName: string }) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const preview = usePreview(relationshipId, agreement);
  if (preview === undefined) return null;
  if (preview === 'incomplete') return <Text>{t('grid.incomplete')}</Text>;
  const layers = [
    { name: 'mine', pieces: piecesByDay(preview.myWindows), className: styles.mine, label: t('grid.mine') },
    { name: 'partner', pieces: piecesByDay(preview.partnerWindows), className: styles.partner, label: t('grid.partner', { name: partnerName }) },
    { name: 'fit', pieces: piecesByDay(preview.fits), className: styles.fit, label: t('grid.fits', { minutes: preview.meetingMinutes }) },
  ];
  const windowText = (w: Window) => `${format.weekday(w.weekday, 'short')} ${w.start}–${w.end}`;
  const summary = preview.fits.length > 0 ? t('grid.fitsList', { list: format.list(preview.fits.map(windowText)) }) : t('grid.noFit', { minutes: preview.meetingMinutes });
  return (
    <figure className={styles.figure} aria-labelledby="week-grid-title" data-testid="week-grid">
      <Subtitle2 as="h3" id="week-grid-title">
        {t('grid.title', { zone: format.zoneTitle(preview.viewerZone) })}
      </Subtitle2>
      <div className={styles.legend}>
        {layers.map((layer) => (
          <span key={layer.name} className={styles.key}>
            {/* The layer's colour, at the swatch's size (mergeClasses lets the later width win over the bar's). */}
            <span className={mergeClasses(layer.className, styles.swatch)} aria-hidden="true" />
            <Text size={200}>{layer.label}</Text>
          </span>
        ))}
      </div>
      <div className={styles.grid} aria-hidden="true">
        <span />
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <Text key={d} size={200} className={styles.dayName}>
            {format.weekday(d, 'short')}
          </Text>
        ))}
        <div className={styles.hours}>
          {[6, 12, 18].map((h) => (
            <span key={h} className={styles.hour} style={{ top: `${h * HOUR_PX}px` }}>
              {String(h).padStart(2, '0')}
            </span>
          ))}
        </div>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <div key={d} className={styles.day}>
            {layers.flatMap((layer) =>
              (layer.pieces.get(d) ?? []).map((p) => (
                <span
                  key={`${layer.name}-${p.from}`}
                  className={`${styles.bar} ${layer.className}`}
                  style={{ top: `${(p.from / 60) * HOUR_PX}px`, height: `${Math.max(2, ((p.to - p.from) / 60) * HOUR_PX)}px` }}
                />
              )),
            )}
          </div>
        ))}
      </div>
      <figcaption>
        <Text>{summary}</Text>
        {preview.neverOverlap ? <Text block>{t('grid.never', { minutes: preview.meetingMinutes, longest: preview.neverOverlap.longestOverlapMinutes })}</Text> : null}
        {preview.changedWeeks.length > 0 ? (
          <>
            <Text block>{t('grid.dstTitle')}</Text>
            <ul className={styles.list}>
              {preview.changedWeeks.map((w) => (
                <li key={w.weekStart}>
                  {t('grid.dstWeek', { date: format.civilDate(w.weekStart), list: w.fits.length > 0 ? format.list(w.fits.map(windowText)) : t('grid.nothing') })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
