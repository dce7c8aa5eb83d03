/**
 * New entity ids. Injected so that tests get predictable ids and the core never reaches for
 * randomness. Ids must be safe as Table Storage keys: no '/', '\\', '#', '?' or control characters.
 */
export interface IdGenerator {
  newId(): string;
}
