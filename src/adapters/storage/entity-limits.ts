/**
 * Azure Table Storage's limits for one entity, and its documented way of counting an entity's size
 * (so a document that would not fit is refused by us with STORAGE.DOCUMENT_TOO_LARGE instead of by
 * the service with a 400 that would surface as "storage unavailable"):
 *
 *   4 bytes + (len(PartitionKey) + len(RowKey)) × 2
 *     + for each property: 8 bytes + len(name) × 2 + the value's size
 *   where a string is len × 2 + 4 bytes (UTF-16), a number at most 8 bytes.
 *
 * Limits: 1 MiB per entity, 64 KiB per string property, 255 properties of which three are the
 * system's (PartitionKey, RowKey, Timestamp) — 252 of ours.
 */
export const MAX_ENTITY_BYTES = 1024 * 1024;
export const MAX_STRING_PROPERTY_BYTES = 64 * 1024;
export const MAX_CUSTOM_PROPERTIES = 252;

const SYSTEM_KEYS = new Set(['partitionKey', 'rowKey']);

export function stringBytes(value: string): number {
  return value.length * 2 + 4;
}

/** The entity's size as the service counts it; numbers are counted as 8 bytes (their largest form). */
export function entitySizeBytes(entity: { readonly partitionKey: string; readonly rowKey: string } & Readonly<Record<string, unknown>>): number {
  let size = 4 + (entity.partitionKey.length + entity.rowKey.length) * 2;
  for (const [name, value] of Object.entries(entity)) {
    if (SYSTEM_KEYS.has(name)) continue;
    size += 8 + name.length * 2 + (typeof value === 'string' ? stringBytes(value) : 8);
  }
  return size;
}

export type EntityLimitBreach =
  | { readonly limit: 'entity'; readonly bytes: number }
  | { readonly limit: 'string-property'; readonly property: string; readonly bytes: number }
  | { readonly limit: 'properties'; readonly count: number };

/** The first limit the entity breaks, if any. */
export function entityLimitBreach(entity: { readonly partitionKey: string; readonly rowKey: string } & Readonly<Record<string, unknown>>): EntityLimitBreach | undefined {
  const custom = Object.entries(entity).filter(([name]) => !SYSTEM_KEYS.has(name));
  if (custom.length > MAX_CUSTOM_PROPERTIES) return { limit: 'properties', count: custom.length };
  for (const [property, value] of custom) {
    if (typeof value === 'string' && value.length * 2 > MAX_STRING_PROPERTY_BYTES) return { limit: 'string-property', property, bytes: value.length * 2 };
  }
  const bytes = entitySizeBytes(entity);
  return bytes > MAX_ENTITY_BYTES ? { limit: 'entity', bytes } : undefined;
}
