import { useI18n } from 'vue-i18n';
import { createGraphQLClient, type GraphQLClient } from '../lib/graphql-client';
import { GraphQLRequestError, NetworkError } from '../lib/graphql-errors';
import { createLocalSessionStore, type SessionStore } from '../lib/session-store';

// One session and one client per page load: every tab bar, page and subscription shares the tokens.
const session = createLocalSessionStore();
const client = createGraphQLClient({ session });

export function useSession(): SessionStore {
  return session;
}

export function useGraphQL(): GraphQLClient {
  return client;
}

/** Turns any thrown value into text for the user: the server's Chinese message when there is one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof GraphQLRequestError) return error.message;
    if (error instanceof NetworkError) return t('common.networkError');
    return t('common.unknownError');
  };
}
