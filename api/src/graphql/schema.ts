import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessGrantResolver, AccessResolver } from '../access/access.resolver.js';
import { TemporaryAccessResolver } from '../access/temporary-access.resolver.js';
import { KpiResolver, KpisResolver } from '../analytics/kpi.resolver.js';
import {
  ApprovalRequestResolver,
  ApprovalResolver,
  ApprovalStepResolver,
} from '../approval/approval.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { authChecker } from '../common/auth-checker.js';
import type { PubSub } from '../common/pubsub.js';
import { DevicesResolver } from '../devices/devices.resolver.js';
import { CardResolver } from '../identity/card.resolver.js';
import { ImportResolver } from '../identity/import.resolver.js';
import { OrgResolver, PostResolver } from '../identity/org.resolver.js';
import { PersonResolver } from '../identity/person.resolver.js';
import { visitorResolvers } from '../visitor/visitor.module.js';
import { unguardedOperations } from './guard.js';

export const resolvers = [
  AuthResolver,
  PersonResolver,
  CardResolver,
  OrgResolver,
  PostResolver,
  ImportResolver,
  AuditResolver,
  KpiResolver,
  KpisResolver,
  AccessResolver,
  AccessGrantResolver,
  DevicesResolver,
  ApprovalResolver,
  ApprovalRequestResolver,
  ApprovalStepResolver,
  TemporaryAccessResolver,
  ...visitorResolvers,
] as const;

export function buildApiSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  const open = unguardedOperations(resolvers);
  if (open.length) throw new Error(`Operations without @Authorized (deny by default): ${open.join(', ')}`);
  return buildSchema({
    resolvers,
    authChecker,
    pubSub,
    validate: false,
    emitSchemaFile: false,
  });
}
