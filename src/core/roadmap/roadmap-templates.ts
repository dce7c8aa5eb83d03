/** Ready-made roadmaps; a pair copies themes from one and then edits them freely. */
export interface RoadmapTemplateTheme {
  readonly id: string;
  readonly title: string;
  readonly notes: string;
}

export interface RoadmapTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Written for reverse mentoring (a junior colleague mentoring a senior one). */
  readonly reverse: boolean;
  readonly themes: readonly RoadmapTemplateTheme[];
}

export const ROADMAP_TEMPLATES: readonly RoadmapTemplate[] = [
  {
    id: 'first-steps',
    title: 'Getting started',
    description: 'A first series for any pair: expectations, goals and a rhythm that lasts.',
    reverse: false,
    themes: [
      { id: 'first-steps.intro', title: 'Getting to know each other', notes: 'Backgrounds, what each of you wants out of this, how you like to work.' },
      { id: 'first-steps.goals', title: 'Shaping SMART goals', notes: 'Turn the pre-work into two or three SMART goals.' },
      { id: 'first-steps.plan', title: 'Planning the themes', notes: 'Agree which topics go into which meeting.' },
      { id: 'first-steps.midpoint', title: 'Mid-point review', notes: 'What is working, what to change, progress on the goals.' },
      { id: 'first-steps.close', title: 'Closing review', notes: 'What you learned, what comes next, how to stay in touch.' },
    ],
  },
  {
    id: 'career-growth',
    title: 'Career growth',
    description: 'For a mentee planning a next step: strengths, visibility, network.',
    reverse: false,
    themes: [
      { id: 'career-growth.strengths', title: 'Strengths and gaps', notes: 'Where you stand today and what the next role asks for.' },
      { id: 'career-growth.visibility', title: 'Making your work visible', notes: 'Sharing results, asking for feedback, finding sponsors.' },
      { id: 'career-growth.network', title: 'Building your network', notes: 'Who to meet inside and outside the organisation.' },
      { id: 'career-growth.plan', title: 'A 12-month plan', notes: 'Concrete steps with dates.' },
    ],
  },
  {
    id: 'reverse-social-media',
    title: 'Social media for leaders',
    description: 'Reverse mentoring: a junior colleague helps a leader use social media with confidence.',
    reverse: true,
    themes: [
      { id: 'reverse-social-media.landscape', title: 'The landscape today', notes: 'Which platforms matter for our audience and why.' },
      { id: 'reverse-social-media.profile', title: 'A professional profile', notes: 'Setting up and polishing a LinkedIn profile together.' },
      { id: 'reverse-social-media.voice', title: 'Finding your voice', notes: 'What to post, how often, tone; drafting a first post.' },
      { id: 'reverse-social-media.engage', title: 'Engaging and listening', notes: 'Comments, sharing others’ work, handling criticism.' },
      { id: 'reverse-social-media.measure', title: 'What worked', notes: 'Looking at reach and reactions; deciding a routine.' },
    ],
  },
  {
    id: 'reverse-collaboration-tools',
    title: 'Collaboration tools',
    description: 'Reverse mentoring: getting more from Teams, shared documents and modern ways of working.',
    reverse: true,
    themes: [
      { id: 'reverse-collaboration-tools.teams', title: 'Teams beyond meetings', notes: 'Channels, chats, mentions and keeping notifications sane.' },
      { id: 'reverse-collaboration-tools.files', title: 'Working in shared documents', notes: 'Co-authoring, comments, versions instead of attachments.' },
      { id: 'reverse-collaboration-tools.async', title: 'Asynchronous work', notes: 'Loop components, recorded updates, fewer meetings.' },
      { id: 'reverse-collaboration-tools.ai', title: 'AI assistants at work', notes: 'Trying an assistant on real tasks, with care for data.' },
    ],
  },
  {
    id: 'reverse-new-generation',
    title: 'How a new generation works',
    description: 'Reverse mentoring: expectations, motivation and feedback as younger colleagues see them.',
    reverse: true,
    themes: [
      { id: 'reverse-new-generation.expectations', title: 'What people expect from work', notes: 'Flexibility, purpose, growth.' },
      { id: 'reverse-new-generation.feedback', title: 'Feedback that lands', notes: 'Frequency and form of feedback that helps.' },
      { id: 'reverse-new-generation.inclusion', title: 'Inclusive leadership', notes: 'Whose voice is heard in meetings, and how to widen it.' },
    ],
  },
];

export function findRoadmapTemplate(templateId: string): RoadmapTemplate | undefined {
  return ROADMAP_TEMPLATES.find((t) => t.id === templateId);
}

/** The template a theme came from, given a template theme id like "reverse-social-media.voice". */
export function isTemplateThemeId(id: string): boolean {
  return ROADMAP_TEMPLATES.some((t) => t.themes.some((theme) => theme.id === id));
}
