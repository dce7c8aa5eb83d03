import type { IdGenerator } from '../ports/id-generator';
import type { MentoringRepositories } from '../ports/repositories';

/** The ports every mentoring use case gets from the composition root. */
export interface MentoringDeps {
  readonly repos: MentoringRepositories;
  readonly ids: IdGenerator;
}
