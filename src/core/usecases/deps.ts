import type { IdGenerator } from '../ports/id-generator';
import type { MentoringRepositories } from '../ports/repositories';
import type { ReachFor } from '../reach/reach-people';

/** The ports every mentoring use case gets from the composition root. */
export interface MentoringDeps {
  readonly repos: MentoringRepositories;
  readonly ids: IdGenerator;
  /** Installing the app for people the bot cannot reach yet, when they join a relationship; absent where it is off. */
  readonly reach?: ReachFor;
}
