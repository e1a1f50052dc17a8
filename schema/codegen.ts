import type { CodegenConfig } from '@graphql-codegen/cli';

// One contract, three typed clients. documentMode "string" emits plain string documents with their
// types attached, so no client needs graphql-js at runtime (the mini-program cannot afford it).
// schema/banner.mjs then puts the "generated" line first in every output file.
const preset = {
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  config: {
    documentMode: 'string',
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { DateTime: 'string', Date: 'string' },
  },
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'pwa/src/gql/': { documents: ['pwa/src/**/*.graphql'], ...preset },
    'miniprogram/miniprogram/gql/': { documents: ['miniprogram/miniprogram/**/*.graphql'], ...preset },
    'tests/gql/': { documents: ['tests/**/*.graphql'], ...preset },
  },
};

export default config;
