// Emits schema/schema.graphql from the code. `--check` fails instead of writing when they differ.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createTopics } from '../common/pubsub.js';
import { buildApiSchema } from '../graphql/schema.js';

const target = new URL('../../../schema/schema.graphql', import.meta.url);
const banner = '# Generated from the API code by `pnpm schema:emit`. Do not edit by hand.\n\n';
const sdl = `${banner + printSchema(lexicographicSortSchema(await buildApiSchema(createTopics())))}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== sdl) {
    console.error(
      'schema/schema.graphql differs from the code: run `pnpm schema:emit` and commit the result.',
    );
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the code');
} else {
  writeFileSync(target, sdl);
  console.log(`wrote ${target.pathname}`);
}
