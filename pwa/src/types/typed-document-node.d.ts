// The generated src/gql/graphql.ts imports this type-only package, which @park/pwa does not list as a
// dependency (the mini-program does). Until it is added, this is the one interface the generated code uses.
declare module '@graphql-typed-document-node/core' {
  export interface DocumentTypeDecoration<TResult, TVariables> {
    __apiType?: (variables: TVariables) => TResult;
  }
}
