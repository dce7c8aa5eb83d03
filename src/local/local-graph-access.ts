/**
 * Graph access for `npm start` until the local identity issuer serves Entra's token endpoint
 * (`/{tenant}/oauth2/v2.0/token`, which MSAL needs for on-behalf-of and client credentials): tokens
 * signed by the local issuer, which the local calendar verifies against the issuer's JWKS, and the
 * demo people as the directory (the local calendar does not serve `/users/{id}` yet). Everything
 * after the token — the Graph client, the adapter, the booking use cases — is the production code.
 */
import type { GraphTokenSources } from '../api/booking-services';
import type { PeopleDirectory } from '../core/booking';
import type { CalendarPerson } from '../core/ports/calendar';
import { fail, ok } from '../core/result';
import type { DemoPerson } from './demo-people';
import type { LocalIdentityIssuer } from './identity-issuer';

export function localGraphTokens(issuer: LocalIdentityIssuer): GraphTokenSources {
  return {
    // The signed-in person's own local token: the local calendar checks its signature and tenant.
    onBehalfOf: (_tenantId, ssoToken) => async () => ssoToken,
    // Background work acts in the tenant with a token of one of its people (the local calendar only checks the tenant).
    appOnly: (tenantId) => async () => {
      const someone = issuer.people.find((p) => p.tenantId === tenantId);
      const token = someone ? await issuer.issueToken(someone.personId) : undefined;
      if (!token) throw new Error(`The local issuer has no person in tenant ${tenantId} to act for.`);
      return token;
    },
  };
}

export function demoPeopleDirectory(people: readonly DemoPerson[]): PeopleDirectory {
  return {
    async findPeople(tenantId, ids) {
      const found: CalendarPerson[] = [];
      for (const id of ids) {
        const person = people.find((p) => p.personId === id && p.tenantId === tenantId);
        if (!person) return fail('DIRECTORY.PERSON_NOT_FOUND', 'One of the pair is not among the local demo people.');
        found.push({ personId: person.personId, email: person.email, displayName: person.displayName });
      }
      return ok(found);
    },
  };
}
