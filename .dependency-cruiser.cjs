/**
 * The layers, as allow rules: every import must match one rule in `allowed` (one per layer, saying
 * what that layer may import), or `npm run depcruise` (part of `npm test`) fails with
 * `not-in-allowed`. The `forbidden` rules add what an allow list cannot say: no cycles, no
 * undeclared packages, no dev dependency in code that ships.
 *
 *   core  <-  contracts  <-  adapters  <-  api, bot  <-  hosts  <-  local
 *                                      (tab: core and contracts only, plus browser packages;
 *                                       outlook, the add-in: the same, plus the tab's components)
 *
 * What ships: to Azure, what src/hosts/functions/azure-functions.ts reaches (bundled by
 * scripts/stage-api-deployment.ts): core, contracts, adapters, api, bot, hosts. To the browser, what
 * src/tab reaches (bundled by Vite). src/local is the `npm start` host: it is never bundled or
 * deployed (no shipped layer may import it, and `local-is-dev-only` checks that neither bundle's
 * entry reaches it), and it may use dev dependencies (Azurite, tsx).
 */

/** Browser-only packages: only the tab may import them. */
const BROWSER = '(^|/)node_modules/(react|react-dom|@fluentui/[^/]+|@dnd-kit/[^/]+|@microsoft/teams-js)/';
/** Packages from npm, whatever the cruise's working folder (fixtures cruise from a subfolder). */
const NPM = '(^|/)node_modules/';
const SHIPPED = '^src/(core|contracts|adapters|api|bot|hosts|tab|outlook)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  allowed: [
    {
      comment: 'core imports only core: no npm package, no node builtin, nothing outside src/core',
      from: { path: '^src/core/' },
      to: { path: '^src/core/' },
    },
    {
      comment: 'contracts import core, contracts and zod',
      from: { path: '^src/contracts/' },
      to: { path: `^src/(core|contracts)/|(^|/)node_modules/zod/` },
    },
    {
      comment: 'adapters import core, contracts, adapters and their SDKs (npm packages other than browser ones)',
      from: { path: '^src/adapters/' },
      to: { path: `^src/(core|contracts|adapters)/|${NPM}`, pathNot: BROWSER },
    },
    {
      comment: 'api (HTTP functions, settings, request handling) imports core, contracts, adapters, api and server packages',
      from: { path: '^src/api/' },
      to: { path: `^src/(core|contracts|adapters|api)/|${NPM}`, pathNot: BROWSER },
    },
    {
      comment: 'bot (conversation, delivery, activity handling) imports core, contracts, adapters, bot and server packages',
      from: { path: '^src/bot/' },
      to: { path: `^src/(core|contracts|adapters|bot)/|${NPM}`, pathNot: BROWSER },
    },
    {
      comment: 'hosts (the Azure Functions composition: registration, composition roots, timers) wire api and bot to adapters',
      from: { path: '^src/hosts/' },
      to: { path: `^src/(core|contracts|adapters|api|bot|hosts)/|${NPM}`, pathNot: BROWSER },
    },
    {
      comment: 'local (the npm start host) reuses the Functions composition and may use dev packages; never the tab sources',
      from: { path: '^src/local/' },
      to: { path: `^src/(core|contracts|adapters|api|bot|hosts|local)/|${NPM}`, pathNot: BROWSER },
    },
    {
      comment: 'tab imports core (pure, so browser-safe), contracts, tab and browser packages; no server code, no node builtins',
      from: { path: '^src/tab/' },
      to: { path: `^src/(core|contracts|tab)/|(^|/)node_modules/(react|react-dom|@fluentui/[^/]+|@dnd-kit/[^/]+|@microsoft/teams-js|zod)/` },
    },
    {
      comment: 'outlook (the Outlook add-in: the boundary guard runtime, the pane) imports core, contracts, the tab (shared components), outlook and browser packages; no server code, no node builtins',
      from: { path: '^src/outlook/' },
      to: { path: `^src/(core|contracts|tab|outlook)/|(^|/)node_modules/(react|react-dom|@fluentui/[^/]+|@azure/msal-browser|zod)/` },
    },
    {
      comment: 'node builtins: server-side layers only (never core, contracts or tab)',
      from: { path: '^src/(adapters|api|bot|hosts|local)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      comment: 'tests, benchmarks, scripts and config files may import anything (the forbidden rules still apply)',
      from: { pathNot: '^src/' },
      to: {},
    },
  ],
  allowedSeverity: 'error',
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, between layers or inside one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'Every npm package imported is declared in package.json (dependencies for what ships, devDependencies otherwise).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'Code that ships (to Azure or the browser) uses dependencies only: `npm ci --omit=dev` leaves devDependencies out. ' +
        'src/hosts/functions/azure-functions.entry.cjs is package.json "main" for `func start` from the repository (it loads tsx); ' +
        'Azure runs the bundle of azure-functions.ts instead, so that one file is exempt.',
      severity: 'error',
      from: { path: SHIPPED, pathNot: '^src/hosts/functions/azure-functions\\.entry\\.cjs$' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'local-is-dev-only',
      comment:
        'src/local is the npm start host and is never deployed: nothing the Azure bundle (azure-functions.ts) or the ' +
        'browser bundle (src/tab/main.tsx) reaches may be in it, so the staged packages cannot need it or its dev packages.',
      severity: 'error',
      from: { path: '^src/(hosts/functions/azure-functions\\.ts|tab/main\\.tsx)$' },
      to: { path: '^src/local/', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|dist|coverage|test-artifacts|\\.data)/|^tests/architecture/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
