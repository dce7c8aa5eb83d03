import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { OverflowTabList } from '../components/overflow-tab-list';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { usePreferences, ZoneSetterProvider } from './preferences';
import { routeToHash, useHashRoute, type Route } from './hash-route';
import { ScreenErrorBoundary } from './screen-error-boundary';
import { useSession } from './session';
import { LoadingSkeleton } from './loading-skeleton';

// Each screen is its own chunk so the first paint only pays for the shell.
const screenChunks = {
  home: () => import('../features/home/home-screen'),
  find: () => import('../features/find-mentor/find-mentor-screen'),
  relationship: () => import('../features/relationship/relationship-screen'),
  profile: () => import('../features/profile/profile-screen'),
  programme: () => import('../features/programme/programme-screen'),
  meeting: () => import('../features/meeting/meeting-panel-screen'),
  meetingConfig: () => import('../features/meeting/meeting-config-screen'),
} as const;
const HomeScreen = lazy(screenChunks.home);
const FindMentorScreen = lazy(screenChunks.find);
const RelationshipScreen = lazy(screenChunks.relationship);
const ProfileScreen = lazy(screenChunks.profile);
const ProgrammeScreen = lazy(screenChunks.programme);
const MeetingPanelScreen = lazy(screenChunks.meeting);
const MeetingConfigScreen = lazy(screenChunks.meetingConfig);

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalL },
  nav: { flexGrow: 1, flexShrink: 1, flexBasis: '260px', minWidth: 0 },
  who: { marginLeft: 'auto', display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  main: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '1100px',
    width: '100%',
    marginInline: 'auto',
    boxSizing: 'border-box',
    minWidth: 0,
    ':focus': { outline: 'none' },
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 10 },
  },
});

const navItems: { value: Route['screen']; key: 'nav.home' | 'nav.findMentor' | 'nav.relationship' | 'nav.profile' | 'nav.programme' }[] = [
  { value: 'home', key: 'nav.home' },
  { value: 'find', key: 'nav.findMentor' },
  { value: 'relationship', key: 'nav.relationship' },
  { value: 'profile', key: 'nav.profile' },
  { value: 'programme', key: 'nav.programme' },
];

/**
 * Every time on every screen is shown in the zone of the person's profile (not the device's), so the
 * shell learns it before any screen renders; a person without a profile yet sees the device's zone.
 */
function useProfileZone(): { zone: string | undefined; known: boolean; setZone: (zone: string) => void } {
  const api = useSession().api;
  const [state, setState] = useState<{ zone: string | undefined; known: boolean }>({ zone: undefined, known: false });
  useEffect(() => {
    const controller = new AbortController();
    api.getMyProfile(controller.signal).then(
      (profile) => setState({ zone: profile.timeZone, known: true }),
      () => {
        // No profile yet, or no answer: times fall back to the device's zone; the screens say what went wrong.
        if (!controller.signal.aborted) setState({ zone: undefined, known: true });
      },
    );
    return () => controller.abort();
  }, [api]);
  return { ...state, setZone: (zone) => setState({ zone, known: true }) };
}

export function AppShell({ onReady }: { onReady?: () => void }) {
  const { t, language } = useI18n();
  const { hostLocale } = usePreferences();
  const session = useSession();
  const styles = useStyles();
  const [route, navigate] = useHashRoute();
  const mainRef = useRef<HTMLElement>(null);
  const profileZone = useProfileZone();
  // The screen's code downloads while the profile (and with it the time zone) is being read.
  useEffect(() => {
    void screenChunks[route.screen]();
  }, [route.screen]);

  useEffect(() => {
    onReady?.();
  }, [onReady]);

  const inMeeting = route.screen === 'meeting' || route.screen === 'meetingConfig';
  const go = (next: Route) => {
    navigate(next);
    mainRef.current?.focus();
  };

  return (
    <div className={styles.root}>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an anchor to #main; the handler only moves focus there, as the browser would without the hash-router. */}
      <a className={styles.skip} href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      {inMeeting ? (
        // Inside a meeting the host's panel header already names the app, and the tab's pages are a
        // click away in the personal app: the panel shows only this meeting (plus, outside Teams, who is signed in).
        session.signIn.kind === 'local' ? (
          <header className={styles.header}>
            <SignedIn />
          </header>
        ) : null
      ) : (
      <header className={styles.header}>
        <Text className={styles.brand} size={400}>
          {t('app.title')}
        </Text>
        <nav aria-label={t('nav.label')} className={styles.nav}>
          <OverflowTabList
            items={navItems.map((item) => ({ value: item.value, label: t(item.key) }))}
            selected={route.screen}
            onSelect={(value) => go({ screen: value as Route['screen'] } as Route)}
            moreLabel={(count) => t('nav.more', { count })}
          />
        </nav>
        <SignedIn />
      </header>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <ZoneSetterProvider value={profileZone.setZone}>
          <I18nProvider language={language} timeZone={profileZone.zone} locale={hostLocale}>
            <ScreenErrorBoundary resetKey={routeToHash(route)}>
              <Suspense fallback={<LoadingSkeleton />}>{profileZone.known ? <Screen route={route} navigate={go} /> : <LoadingSkeleton />}</Suspense>
            </ScreenErrorBoundary>
          </I18nProvider>
        </ZoneSetterProvider>
      </main>
    </div>
  );
}

/** Who is signed in, and the local sign-out. */
function SignedIn() {
  const { t } = useI18n();
  const session = useSession();
  const styles = useStyles();
  return (
    <div className={styles.who}>
      {session.signIn.kind === 'local' ? (
        <Badge appearance="tint" color="warning">
          {t('host.localBadge')}
        </Badge>
      ) : null}
      {session.signIn.label ? <Text size={200}>{t('host.signedInAs', { name: session.signIn.label })}</Text> : null}
      {session.signOut ? (
        <Button size="small" appearance="subtle" onClick={session.signOut}>
          {t('host.signOut')}
        </Button>
      ) : null}
    </div>
  );
}

function Screen({ route, navigate }: { route: Route; navigate: (route: Route) => void }) {
  switch (route.screen) {
    case 'home':
      return <HomeScreen navigate={navigate} />;
    case 'find':
      return <FindMentorScreen navigate={navigate} />;
    case 'profile':
      return <ProfileScreen />;
    case 'meeting':
      return <MeetingPanelScreen />;
    case 'meetingConfig':
      return <MeetingConfigScreen />;
    case 'relationship':
      return <RelationshipScreen route={route} navigate={navigate} />;
    case 'programme':
      return <ProgrammeScreen programmeId={route.programmeId} />;
  }
}
