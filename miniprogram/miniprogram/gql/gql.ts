/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment SessionPerson on Me {\n  username\n  roles\n  person {\n    id\n    name\n  }\n}\n\nfragment SessionTokens on AuthPayload {\n  accessToken\n  refreshToken\n  accessTokenExpiresAt\n  me {\n    ...SessionPerson\n  }\n}\n\nmutation WechatLogin($code: String!) {\n  wechatLogin(code: $code) {\n    ...SessionTokens\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...SessionTokens\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    ...SessionPerson\n  }\n}": typeof types.SessionPersonFragmentDoc,
};
const documents: Documents = {
    "fragment SessionPerson on Me {\n  username\n  roles\n  person {\n    id\n    name\n  }\n}\n\nfragment SessionTokens on AuthPayload {\n  accessToken\n  refreshToken\n  accessTokenExpiresAt\n  me {\n    ...SessionPerson\n  }\n}\n\nmutation WechatLogin($code: String!) {\n  wechatLogin(code: $code) {\n    ...SessionTokens\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...SessionTokens\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    ...SessionPerson\n  }\n}": types.SessionPersonFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionPerson on Me {\n  username\n  roles\n  person {\n    id\n    name\n  }\n}\n\nfragment SessionTokens on AuthPayload {\n  accessToken\n  refreshToken\n  accessTokenExpiresAt\n  me {\n    ...SessionPerson\n  }\n}\n\nmutation WechatLogin($code: String!) {\n  wechatLogin(code: $code) {\n    ...SessionTokens\n  }\n}\n\nmutation RefreshToken($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...SessionTokens\n  }\n}\n\nmutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}\n\nquery Me {\n  me {\n    ...SessionPerson\n  }\n}"): typeof import('./graphql').SessionPersonFragmentDoc;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
