import { fail, ok, type Result } from '../result';
import { CHECKIN_RATING_MAX, CHECKIN_RATING_MIN, type CheckIn, type CheckInAnswers } from './check-in';

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

/** The rating is a whole number from 1 to 5, or absent. */
export function validateRating(rating: number | undefined): Result<number | undefined> {
  if (rating === undefined) return ok(undefined);
  if (!Number.isInteger(rating) || rating < CHECKIN_RATING_MIN || rating > CHECKIN_RATING_MAX) {
    return fail('CHECKIN.RATING_OUT_OF_RANGE', `"How useful was it?" takes a whole number from ${CHECKIN_RATING_MIN} to ${CHECKIN_RATING_MAX}.`, {
      field: 'rating',
    });
  }
  return ok(rating);
}

/** A check-in must say something: a rating, an answer, a progress update, an action item or a note. */
export function requireSomething(
  answers: CheckInAnswers,
  extras: { goalProgress: number; actionItems: number; privateNote?: string; rating?: number },
): Result<void> {
  const anyAnswer = Object.values(answers).some((a) => a.length > 0) || extras.rating !== undefined;
  const anyNote = extras.privateNote !== undefined && extras.privateNote.trim().length > 0;
  if (!anyAnswer && extras.goalProgress === 0 && extras.actionItems === 0 && !anyNote) {
    return fail('CHECKIN.EMPTY', 'Rate the meeting, answer a question or update a goal before sending the check-in.', {
      field: 'answers',
    });
  }
  return ok(undefined);
}
