import type { TypedDocumentString } from '../gql/graphql';
import { graphqlUrl } from './config';
import { AppError, ClientErrorCode } from './errors';
import { readSession } from './session';

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown };
}

interface GraphQLResponseBody<TResult> {
  data?: TResult | null;
  errors?: GraphQLErrorShape[];
}

export interface RequestOptions {
  /**
   * Leave out the stored access token. Login and refresh run exactly when that token may be stale,
   * and a stale bearer must not get the request rejected before the mutation runs.
   */
  anonymous?: boolean;
}

const REQUEST_TIMEOUT_MS = 15_000;

function toRequestError(error: GraphQLErrorShape | undefined): AppError {
  const code = error?.extensions?.code;
  const field = error?.extensions?.field;
  const message = error?.message;
  return new AppError(
    typeof code === 'string' ? code : ClientErrorCode.Unknown,
    typeof message === 'string' && message !== '' ? message : '请求失败，请稍后重试',
    typeof field === 'string' ? field : undefined,
  );
}

function isResponseBody<TResult>(body: unknown): body is GraphQLResponseBody<TResult> {
  return typeof body === 'object' && body !== null && ('data' in body || 'errors' in body);
}

/**
 * Turns a raw response into data or a typed error. A response with both data and errors is treated
 * as a failure: the mini-program's operations are small enough that partial data is never useful.
 */
function readGraphQLResponse<TResult>(statusCode: number, body: unknown): TResult {
  if (!isResponseBody<TResult>(body)) {
    if (statusCode >= 400) {
      throw new AppError(ClientErrorCode.Http, '服务暂时不可用，请稍后重试');
    }
    throw new AppError(ClientErrorCode.BadResponse, '服务器响应异常，请稍后重试');
  }
  if (body.errors && body.errors.length > 0) throw toRequestError(body.errors[0]);
  if (body.data === undefined || body.data === null) {
    throw new AppError(ClientErrorCode.BadResponse, '服务器响应异常，请稍后重试');
  }
  return body.data;
}

/** POSTs a codegen document to the API, with the stored access token when there is one. */
export function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  // content-type application/json also satisfies the API's CSRF prevention.
  const header: Record<string, string> = { 'content-type': 'application/json' };
  const session = options.anonymous ? null : readSession();
  if (session) header.Authorization = `Bearer ${session.accessToken}`;

  return new Promise<TResult>((resolve, reject) => {
    wx.request({
      url: graphqlUrl(),
      method: 'POST',
      header,
      timeout: REQUEST_TIMEOUT_MS,
      data: { query: document.toString(), variables },
      success: (response) => {
        try {
          resolve(readGraphQLResponse<TResult>(response.statusCode, response.data));
        } catch (error) {
          reject(error);
        }
      },
      fail: () => {
        reject(new AppError(ClientErrorCode.Network, '网络连接失败，请检查网络后重试'));
      },
    });
  });
}
