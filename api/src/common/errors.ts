import { GraphQLError } from 'graphql';

/**
 * A failure the caller caused or must handle. `code` is for machines (extensions.code),
 * `message` is Chinese and fit to show to a person. Anything that is not a DomainError is masked.
 */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: string,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

export const unauthenticated = () => new DomainError('UNAUTHENTICATED', '请先登录');
export const forbidden = () => new DomainError('FORBIDDEN', '没有权限执行此操作');
/** Same answer for "does not exist" and "not yours", so existence does not leak. */
export const notFound = (what = '记录') => new DomainError('NOT_FOUND', `${what}不存在或无权访问`);
export const validation = (message: string, field?: string) =>
  new DomainError('VALIDATION', message, field ? { field } : undefined);
