import { z } from 'zod';
import type { Roadmap } from '../core/roadmap/roadmap';
import type { RoadmapTemplate } from '../core/roadmap/roadmap-templates';
import type { RoadmapView, SaveRoadmapInput } from '../core/usecases/roadmap-use-cases';
import { Id, IsoInstant, LIMITS, RelationshipParams, multilineText, text, toIso, Version, type Assignable, type Expect } from './common';

const RoadmapThemeInputSchema = z
  .object({
    id: Id.optional(),
    title: text(LIMITS.title),
    notes: multilineText(LIMITS.note),
    meetingNumbers: z.array(z.number()).max(50),
    templateId: Id.optional(),
  })
  .strict();

/** PUT /api/relationships/{relationshipId}/roadmap — the whole ordered list. */
export const SaveRoadmapBody = z
  .object({
    themes: z.array(RoadmapThemeInputSchema).max(100),
    version: Version.optional(),
  })
  .strict();
export const SaveRoadmapInputSchema = RelationshipParams.extend(SaveRoadmapBody.shape).strict();

const RoadmapThemeDto = z
  .object({
    id: z.string(),
    title: z.string(),
    notes: z.string(),
    meetingNumbers: z.array(z.number().int()),
    templateId: z.string().optional(),
  })
  .strict();

export const RoadmapDto = z
  .object({
    themes: z.array(RoadmapThemeDto),
    /** Absent until the pair first saves a roadmap. */
    version: z.string().optional(),
    updatedBy: z.string().optional(),
    updatedAt: IsoInstant.optional(),
  })
  .strict();
export type RoadmapDto = z.infer<typeof RoadmapDto>;

export function toRoadmapDto(r: RoadmapView | Roadmap): RoadmapDto {
  return {
    themes: r.themes.map((t) => ({
      id: t.id,
      title: t.title,
      notes: t.notes,
      meetingNumbers: [...t.meetingNumbers],
      ...(t.templateId !== undefined ? { templateId: t.templateId } : {}),
    })),
    ...(r.version !== undefined ? { version: r.version } : {}),
    ...(r.updatedBy !== undefined ? { updatedBy: r.updatedBy } : {}),
    ...(r.updatedAt !== undefined ? { updatedAt: toIso(r.updatedAt) } : {}),
  };
}

/** GET /api/roadmap-templates?reverse=true */
export const RoadmapTemplatesQuery = z.object({ reverse: z.enum(['true', 'false']).optional() }).strict();

export const RoadmapTemplateDto = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    reverse: z.boolean(),
    themes: z.array(z.object({ id: z.string(), title: z.string(), notes: z.string() }).strict()),
  })
  .strict();
export type RoadmapTemplateDto = z.infer<typeof RoadmapTemplateDto>;
export const RoadmapTemplatesResponse = z.object({ templates: z.array(RoadmapTemplateDto) }).strict();

export function toRoadmapTemplateDto(t: RoadmapTemplate): RoadmapTemplateDto {
  return { id: t.id, title: t.title, description: t.description, reverse: t.reverse, themes: t.themes.map((x) => ({ ...x })) };
}

export type RoadmapContractChecks = [Expect<Assignable<z.infer<typeof SaveRoadmapInputSchema>, SaveRoadmapInput>>];
