const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our ids are UUIDs and GraphQL's ID accepts any string. Checking the shape before a query turns
 * "no such id" into the caller's not-found answer instead of a PostgreSQL cast error.
 */
export function isUuid(id: string | null | undefined): id is string {
  return typeof id === 'string' && UUID.test(id);
}
