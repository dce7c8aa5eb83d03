/**
 * The pane's "Open in Teams": a Teams deep link to the Mentoring tab on the relationship's schedule
 * (the tab reads `subEntityId` as its page, src/tab/app/hash-route.ts), or the tab's own URL when the
 * build does not know the Teams app id.
 */
export function relationshipLinkFor(teamsAppId: string | undefined, tabOrigin: string) {
  return (relationshipId: string): string => {
    const page = `relationship/${encodeURIComponent(relationshipId)}/schedule`;
    if (!teamsAppId) return `${tabOrigin.replace(/\/$/, '')}/index.html#/${page}`;
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/mentoring?context=${encodeURIComponent(JSON.stringify({ subEntityId: page }))}`;
  };
}
