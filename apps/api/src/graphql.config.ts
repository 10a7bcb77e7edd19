/**
 * GraphQL (Apollo via @nestjs/apollo, code-first). Defences on from day one: depth, alias,
 * directive and cost limits (graphql-armor) applied during validation, before any
 * resolver runs; no batched HTTP requests; Apollo's CSRF prevention; no stack traces; no
 * introspection or field suggestions in production; guards run on field resolvers too.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { AppConfig } from './config/config';
import { formatGraphQLError } from './common/errors';

export const GRAPHQL_LIMITS = { maxDepth: 8, maxAliases: 15, maxDirectives: 20, maxCost: 5000 } as const;

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, exposeLimits: !config.production, ignoreIntrospection: false },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, exposeLimits: !config.production },
    // armor's token limit throws inside Apollo's parsing hook, which Apollo answers with a 500;
    // the 10 MB body limit, the document validator and the rules below bound the work instead.
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: !config.production },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, exposeLimits: !config.production, ignoreIntrospection: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    graphiql: false,
    introspection: !config.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    fieldResolverEnhancers: ['guards'],
    context: ({ req, res }: { req: Request; res: Response }) => ({ req, res }),
    formatError: formatGraphQLError,
    validationRules: armor.validationRules,
    plugins: armor.plugins,
  };
}
