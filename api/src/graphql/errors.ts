import { randomBytes } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type {
  ExecutionArgs,
  ExecutionResult,
  FormattedExecutionResult,
  GraphQLFormattedError,
} from 'graphql';
import { GraphQLError, getOperationAST } from 'graphql';
import type { RequestContext } from '../common/context.js';
import type { Logger } from '../common/logger.js';

// Codes Apollo and graphql-js produce for malformed requests; they describe the request, not us.
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
]);

/** Which request an error came from, for the log line of an error the client only sees masked. */
interface ErrorScope {
  operation: string | null;
  principal: string | null;
  requestId: string;
}

const scopes = new WeakMap<object, ErrorScope>();

function validationRuleCode(error: unknown): string | undefined {
  const rule = error instanceof GraphQLError ? error.originalError : undefined;
  const code = rule instanceof GraphQLError ? rule.extensions?.code : undefined;
  return typeof code === 'string' && PASS_THROUGH.has(code) ? code : undefined;
}

/**
 * Typed errors (a code we set) reach the client unchanged. Anything else is logged whole, with the
 * operation, field and principal, and masked: the client learns only that it failed and an id to quote.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    let code = formatted.extensions?.code as string | undefined;
    // Apollo files every validation error under GRAPHQL_VALIDATION_FAILED, overwriting the code our
    // query-limit rules gave theirs; the client needs to know which limit it hit.
    const ruleCode = validationRuleCode(error);
    if (code === 'GRAPHQL_VALIDATION_FAILED' && ruleCode) {
      code = ruleCode;
      formatted = { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    const typed =
      original instanceof GraphQLError && original.extensions?.code && code !== 'INTERNAL_SERVER_ERROR';
    if (typed || (code && PASS_THROUGH.has(code))) {
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const errorId = randomBytes(4).toString('hex');
    const scope = (error && typeof error === 'object' && scopes.get(error)) || undefined;
    const field = formatted.path?.filter((p) => typeof p === 'string').at(-1) ?? null;
    log.error({ err: original, errorId, field, path: formatted.path, ...scope }, 'unexpected error');
    return {
      message: `服务器内部错误（编号 ${errorId}）`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

const scopeOf = (ctx: RequestContext | undefined, operation: string | null | undefined): ErrorScope => ({
  operation: operation ?? null,
  principal: ctx?.principal?.username ?? null,
  requestId: ctx?.requestId ?? '',
});

/** Apollo: remembers each failed request's operation and principal for formatError's log line. */
export function errorScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart: async () => ({
      didEncounterErrors: async ({ errors, contextValue, operationName }) => {
        for (const e of errors) scopes.set(e, scopeOf(contextValue, operationName));
      },
    }),
  };
}

/** graphql-ws does not go through Apollo: the same masking for what it sends. */
export function formatWsResult(log: Logger) {
  const format = formatError(log);
  return (args: ExecutionArgs, result: ExecutionResult): FormattedExecutionResult => {
    if (!result.errors?.length) return result;
    const operation = getOperationAST(args.document, args.operationName)?.name?.value;
    const scope = scopeOf(args.contextValue as RequestContext | undefined, operation);
    for (const e of result.errors) scopes.set(e, scope);
    return { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) };
  };
}
