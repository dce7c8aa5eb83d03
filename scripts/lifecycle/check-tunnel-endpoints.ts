/**
 * First provision step of teamsapp.local.yml: Teams, Outlook and the Bot Framework reach a developer's
 * machine only through an https tunnel, so TAB_ENDPOINT and BOT_ENDPOINT must be the tunnel's https
 * URLs (from env/.env.local.user) and TAB_DOMAIN / BOT_DOMAIN their hosts. Registering the bot or the
 * Entra app's identifier URI on http://127.0.0.1 would fail later, half-way through provision.
 */
import { LifecycleError } from './azure-management';

export function tunnelEndpointProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  for (const [endpoint, domain] of [
    ['TAB_ENDPOINT', 'TAB_DOMAIN'],
    ['BOT_ENDPOINT', 'BOT_DOMAIN'],
  ] as const) {
    const value = env[endpoint]?.trim() ?? '';
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'https:' || ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) {
      problems.push(`${endpoint} must be your dev tunnel's https URL (now "${value}"); set it in env/.env.local.user`);
      continue;
    }
    if ((env[domain]?.trim() ?? '') !== url.host) problems.push(`${domain} must be ${url.host}, the host of ${endpoint} (now "${env[domain] ?? ''}")`);
  }
  return problems;
}

if (require.main === module) {
  const problems = tunnelEndpointProblems(process.env);
  if (problems.length > 0) {
    console.error(new LifecycleError(`Local debugging in Teams needs a dev tunnel:\n- ${problems.join('\n- ')}`).message);
    process.exit(1);
  }
  console.log(`Tunnel endpoints: tab ${process.env.TAB_ENDPOINT}, bot ${process.env.BOT_ENDPOINT}`);
}
