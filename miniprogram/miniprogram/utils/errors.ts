/** Codes the client invents for failures that never reached the API's own error codes. */
export const ClientErrorCode = {
  Network: 'NETWORK_ERROR',
  BadResponse: 'BAD_RESPONSE',
  Http: 'HTTP_ERROR',
  Unknown: 'UNKNOWN',
  WechatCodeUnavailable: 'WECHAT_CODE_UNAVAILABLE',
} as const;

/**
 * One error type for everything a page may show: `code` to branch on (the server's
 * `extensions.code` or a ClientErrorCode) and a Chinese `message` worded for the user.
 */
export class AppError extends Error {
  readonly code: string;
  /** The input field the server blamed (`extensions.field`), so a form can mark it. */
  readonly field: string | undefined;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}

/** The text to show for any failure; unexpected exceptions get a generic sentence, never a stack. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return '操作失败，请稍后重试';
}
