/** All Table Storage repositories over one table: what a host wires into the use cases. */
import type { MentoringRepositories } from '../../core/ports/repositories';
import type { TableDocumentStore } from './table-document-store';
import { TableProfileRepository } from './table-profile.repository';
import { TableRelationshipRepository } from './table-relationship.repository';
import { TableRequestRepository } from './table-request.repository';

export function tableRepositories(store: TableDocumentStore): MentoringRepositories {
  return {
    profiles: new TableProfileRepository(store),
    requests: new TableRequestRepository(store),
    relationships: new TableRelationshipRepository(store),
  };
}
