/**
 * Renders an agenda as the invite body: HTML that reads well in Outlook desktop, web and mobile
 * (one presentation table, inline styles, lists; no scripts, no <style>, no external CSS or
 * images), the same content as plain text, and the subject. Every string that a person wrote goes
 * through `escapeHtml` — no markup or script from a user reaches the invite.
 */
import type { Agenda, AgendaActionItem, AgendaGoal, AgendaTheme, PersonPreWork, RenderedAgenda } from './agenda';
import { AGENDA_TEXTS, formatLocalDate, type AgendaTexts } from './agenda-texts';

const SUBJECT_MAX = 255;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Control characters (except line breaks and tabs) never belong in an invite. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

/** User text as HTML: escaped, line breaks kept. */
function userHtml(text: string): string {
  return escapeHtml(clean(text)).replace(/\r?\n/g, '<br>');
}

function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ');
}

function safeLink(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

const STYLE = {
  wrapper: 'font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.45;color:#242424;',
  table: 'border-collapse:collapse;width:100%;max-width:640px;',
  title: 'padding:0 0 8px 0;font-size:16px;font-weight:bold;color:#242424;',
  heading: 'padding:14px 0 4px 0;font-size:15px;font-weight:bold;color:#4f52b2;border-bottom:1px solid #e0e0e0;',
  cell: 'padding:6px 0 0 0;',
  list: 'margin:0;padding-left:20px;',
  item: 'margin:0 0 6px 0;',
  muted: 'color:#616161;',
  note: 'margin:0;color:#616161;',
} as const;

function section(heading: string, body: string): string {
  return `<tr><td style="${STYLE.heading}">${escapeHtml(heading)}</td></tr><tr><td style="${STYLE.cell}">${body}</td></tr>`;
}

function list(items: readonly string[], ordered = false): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag} style="${STYLE.list}">${items.map((i) => `<li style="${STYLE.item}">${i}</li>`).join('')}</${tag}>`;
}

function emptyNote(text: string): string {
  return `<p style="${STYLE.note}">${escapeHtml(text)}</p>`;
}

function goalFacts(goal: AgendaGoal, t: AgendaTexts, locale: Agenda['locale']): string {
  const target = goal.targetDate ? t.target(formatLocalDate(goal.targetDate, locale)) : t.noTarget;
  return `${target}, ${t.progress(Math.round(Math.min(100, Math.max(0, goal.progress))))}`;
}

function actionFacts(item: AgendaActionItem, t: AgendaTexts, locale: Agenda['locale']): { owner: string; due: string } {
  return { owner: oneLine(item.ownerName), due: item.dueDate ? t.due(formatLocalDate(item.dueDate, locale)) : t.noDue };
}

function themeHtml(theme: AgendaTheme): string {
  const notes = clean(theme.notes);
  return `<strong>${userHtml(theme.title)}</strong>${notes ? `<br><span style="${STYLE.muted}">${userHtml(notes)}</span>` : ''}`;
}

function preWorkHtml(person: PersonPreWork, t: AgendaTexts): string {
  const answers = person.answers.map(
    (a) => `<strong>${userHtml(a.question)}</strong><br>${clean(a.answer) ? userHtml(a.answer) : `<span style="${STYLE.muted}">${escapeHtml(t.noAnswer)}</span>`}`,
  );
  return `<p style="margin:6px 0 4px 0;">${escapeHtml(t.preWorkOf(oneLine(person.personName)))}:</p>${list(answers)}`;
}

export function renderAgenda(agenda: Agenda): RenderedAgenda {
  const t = AGENDA_TEXTS[agenda.locale];
  const meeting = t.meetingOf(agenda.meetingNumber, agenda.meetingCount);
  const pair = t.pair(oneLine(agenda.menteeName), oneLine(agenda.mentorName), agenda.reverse);
  const link = safeLink(agenda.appLink);

  let subject = t.subject(oneLine(agenda.menteeName), oneLine(agenda.mentorName), meeting, agenda.themes.map((x) => oneLine(x.title)).join(', '));
  if (subject.length > SUBJECT_MAX) subject = `${subject.slice(0, SUBJECT_MAX - 1)}…`;

  const rows: string[] = [`<tr><td style="${STYLE.title}">${escapeHtml(pair)} &middot; ${escapeHtml(meeting)}</td></tr>`];
  rows.push(section(t.themes, agenda.themes.length > 0 ? list(agenda.themes.map(themeHtml)) : emptyNote(t.noThemes)));
  rows.push(
    section(
      t.goals,
      agenda.goals.length > 0
        ? list(agenda.goals.map((g) => `<strong>${userHtml(g.title)}</strong> <span style="${STYLE.muted}">(${escapeHtml(goalFacts(g, t, agenda.locale))})</span>`))
        : emptyNote(t.noGoals),
    ),
  );
  rows.push(
    section(
      t.actionItems,
      agenda.actionItems.length > 0
        ? list(
            agenda.actionItems.map((a) => {
              const { owner, due } = actionFacts(a, t, agenda.locale);
              return `${userHtml(a.title)} <span style="${STYLE.muted}">(${escapeHtml(t.owner)}: ${escapeHtml(owner)}, ${escapeHtml(due)})</span>`;
            }),
          )
        : emptyNote(t.noActionItems),
    ),
  );
  if (agenda.preWork.length > 0) rows.push(section(t.preWork, agenda.preWork.map((p) => preWorkHtml(p, t)).join('')));
  rows.push(
    section(t.checkIn, `<p style="margin:0 0 6px 0;">${escapeHtml(t.checkInIntro)}</p>${list(agenda.checkInQuestions.map(userHtml), true)}`),
  );
  if (link) rows.push(`<tr><td style="padding:16px 0 0 0;"><a href="${escapeHtml(link)}" style="color:#4f52b2;">${escapeHtml(t.openInTeams)}</a></td></tr>`);

  const html = `<div style="${STYLE.wrapper}"><table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${STYLE.table}">${rows.join('')}</table></div>`;

  const lines: string[] = [`${pair} · ${meeting}`, ''];
  const textSection = (heading: string, body: string[]) => lines.push(heading.toUpperCase(), ...body, '');
  const indent = (text: string) => clean(text).split(/\r?\n/).join('\n  ');
  textSection(t.themes, agenda.themes.length > 0 ? agenda.themes.map((x) => `- ${indent(x.title)}${clean(x.notes) ? `\n  ${indent(x.notes)}` : ''}`) : [t.noThemes]);
  textSection(t.goals, agenda.goals.length > 0 ? agenda.goals.map((g) => `- ${oneLine(g.title)} (${goalFacts(g, t, agenda.locale)})`) : [t.noGoals]);
  textSection(
    t.actionItems,
    agenda.actionItems.length > 0
      ? agenda.actionItems.map((a) => {
          const { owner, due } = actionFacts(a, t, agenda.locale);
          return `- ${oneLine(a.title)} (${t.owner}: ${owner}, ${due})`;
        })
      : [t.noActionItems],
  );
  if (agenda.preWork.length > 0) {
    textSection(
      t.preWork,
      agenda.preWork.flatMap((p) => [`${t.preWorkOf(oneLine(p.personName))}:`, ...p.answers.map((a) => `- ${oneLine(a.question)}\n  ${clean(a.answer) ? indent(a.answer) : t.noAnswer}`)]),
    );
  }
  textSection(t.checkIn, [t.checkInIntro, ...agenda.checkInQuestions.map((q, i) => `${i + 1}. ${oneLine(q)}`)]);
  if (link) lines.push(`${t.openInTeams}: ${link}`);
  return { subject, html, text: lines.join('\n').trimEnd() + '\n' };
}
