import { getMetadataStorage } from 'type-graphql';

/**
 * Queries, mutations and subscriptions of these resolvers that carry no @Authorized with a
 * requirement. type-graphql lets such an operation through to anyone, so the schema refuses to build
 * while one exists: an operation is closed unless it says who may call it (PUBLIC included).
 */
export function unguardedOperations(resolverClasses: readonly Function[]): string[] {
  const meta = getMetadataStorage();
  const ours = (target: Function) => resolverClasses.includes(target);
  const guardedClass = (target: Function) =>
    meta.authorizedResolver.some((a) => a.target === target && a.roles.length > 0);
  const guardedField = (target: Function, name: string) =>
    meta.authorizedFields.some((a) => a.target === target && a.fieldName === name && a.roles.length > 0);
  return [...meta.queries, ...meta.mutations, ...meta.subscriptions]
    .filter((op) => ours(op.target) && !guardedClass(op.target) && !guardedField(op.target, op.methodName))
    .map((op) => `${op.target.name}.${op.methodName}`);
}
