import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
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

function validationRuleCode(error: unknown): string | undefined {
  const rule = error instanceof GraphQLError ? error.originalError : undefined;
  const code = rule instanceof GraphQLError ? rule.extensions?.code : undefined;
  return typeof code === 'string' && PASS_THROUGH.has(code) ? code : undefined;
}

/**
 * Typed errors (a code we set) reach the client unchanged. Anything else is logged whole and masked:
 * the client learns only that it failed and an id to quote.
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
    const errorId = Math.random().toString(36).slice(2, 10);
    log.error({ err: original, path: formatted.path, errorId }, 'unexpected error');
    return {
      message: `服务器内部错误（编号 ${errorId}）`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}
