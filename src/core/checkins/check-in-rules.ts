import { fail, ok, type Result } from '../result';
import type { CheckIn, CheckInAnswers } from './check-in';

/**
 * What a viewer may see of a check-in: the author sees everything; anyone else (the partner, and
 * any future programme-owner view) never gets the private note. Every read path goes through here.
 */
export function checkInVisibleTo(checkIn: CheckIn, viewerId: string): CheckIn {
  if (checkIn.authorId === viewerId) return checkIn;
  const { privateNote: _private, ...shared } = checkIn;
  return shared;
}

export function trimAnswers(answers: CheckInAnswers): CheckInAnswers {
  return {
    useful: answers.useful.trim(),
    nextSteps: answers.nextSteps.trim(),
    beforeNextTime: answers.beforeNextTime.trim(),
    changeOrFocus: answers.changeOrFocus.trim(),
  };
}

/** A check-in must say something: an answer, a progress update, an action item or a note. */
export function requireSomething(
  answers: CheckInAnswers,
  extras: { goalProgress: number; actionItems: number; privateNote?: string },
): Result<void> {
  const anyAnswer = Object.values(answers).some((a) => a.length > 0);
  const anyNote = extras.privateNote !== undefined && extras.privateNote.trim().length > 0;
  if (!anyAnswer && extras.goalProgress === 0 && extras.actionItems === 0 && !anyNote) {
    return fail('CHECKIN.EMPTY', 'Answer at least one question, or update a goal, before sending the check-in.', {
      field: 'answers',
    });
  }
  return ok(undefined);
}
