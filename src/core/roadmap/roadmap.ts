import type { Instant } from '../time/interval';

export interface RoadmapTheme {
  readonly id: string;
  readonly title: string;
  readonly notes: string;
  /** Meeting numbers (1-based) this theme is planned for; empty = not yet scheduled. */
  readonly meetingNumbers: readonly number[];
  /** The template theme it came from, if any. */
  readonly templateId?: string;
}

/** The pair's roadmap: one per relationship, saved as a whole; the array order is the plan order. */
export interface Roadmap {
  /** Always ROADMAP_ID: a relationship has exactly one roadmap. */
  readonly id: string;
  readonly themes: readonly RoadmapTheme[];
  readonly updatedBy: string;
  readonly updatedAt: Instant;
  readonly version: string;
}

export const ROADMAP_ID = 'roadmap';
