/**
 * Who is calling, from the validated token only (`tid`, `oid`, name, app roles) — never from the
 * request body. Every use case scopes its reads and writes to `tenantId`.
 */
export interface Principal {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

/** What every use case receives besides its ports: the caller, the parsed input and the host's `now`. */
export interface UseCaseCall<I> {
  readonly principal: Principal;
  readonly input: I;
  /** Epoch ms from the host's clock. */
  readonly now: number;
}
