import { fail, ok, type Result } from '../result';
import { resolveTimeZone } from '../time/zones';
import { cleanLabels, cleanText } from '../usecases/text-rules';
import { SENIORITY_LEVELS, type SeniorityLevel } from './profile';

export const MAX_CAPACITY = 10;

/** The part of a profile a person edits. */
export interface ProfileFields {
  readonly jobTitle: string;
  readonly seniority: SeniorityLevel;
  readonly skillsToTeach: readonly string[];
  readonly skillsToLearn: readonly string[];
  readonly languages: readonly string[];
  readonly timeZone: string;
  readonly capacity: number;
  readonly openToReverseMentoring: boolean;
}

/**
 * Checks and normalises what a person typed: trimmed labels without case-insensitive duplicates,
 * the time zone as a current IANA name (Windows names are accepted, as Outlook shows them).
 */
export function validateProfileFields(input: ProfileFields): Result<ProfileFields> {
  const jobTitle = cleanText(input.jobTitle);
  if (jobTitle.length === 0) {
    return fail('PROFILE.JOB_TITLE_REQUIRED', 'Add your job title so people know who you are.', { field: 'jobTitle' });
  }
  if (!(SENIORITY_LEVELS as readonly string[]).includes(input.seniority)) {
    return fail('PROFILE.SENIORITY_UNKNOWN', `Choose a seniority level: ${SENIORITY_LEVELS.join(', ')}.`, {
      field: 'seniority',
    });
  }
  const lists = { skillsToTeach: input.skillsToTeach, skillsToLearn: input.skillsToLearn, languages: input.languages };
  const cleaned: Record<string, string[]> = {};
  for (const [field, values] of Object.entries(lists)) {
    const { labels, blankIndex } = cleanLabels(values);
    if (blankIndex !== undefined) {
      return fail('PROFILE.BLANK_ENTRY', 'Remove the empty entry or type a name for it.', {
        field: `${field}[${blankIndex}]`,
      });
    }
    cleaned[field] = labels;
  }
  const zone = resolveTimeZone(input.timeZone, 'timeZone');
  if (!zone.ok) return zone;
  if (!Number.isInteger(input.capacity) || input.capacity < 0 || input.capacity > MAX_CAPACITY) {
    return fail(
      'PROFILE.CAPACITY_OUT_OF_RANGE',
      `Capacity is how many mentees you take on at once: a whole number from 0 to ${MAX_CAPACITY}.`,
      { field: 'capacity' },
    );
  }
  return ok({
    jobTitle,
    seniority: input.seniority,
    skillsToTeach: cleaned.skillsToTeach ?? [],
    skillsToLearn: cleaned.skillsToLearn ?? [],
    languages: cleaned.languages ?? [],
    timeZone: zone.value,
    capacity: input.capacity,
    openToReverseMentoring: input.openToReverseMentoring,
  });
}
