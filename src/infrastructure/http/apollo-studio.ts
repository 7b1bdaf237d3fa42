/**
 * Apollo Studio (docs/operations.md, "Apollo Studio"): what Apollo Server is
 * told about the graph, and the plugins that report to Studio, both decided
 * from our Config and nothing else.
 *
 * Apollo Server reads APOLLO_KEY, APOLLO_GRAPH_REF and APOLLO_SCHEMA_REPORTING
 * from process.env by itself and installs its reporting plugins when it finds
 * them. Our settings are read once, by loadConfig, so here the key and graph
 * ref are passed explicitly (they win over the environment) and each reporting
 * plugin is installed either enabled or as its Disabled twin: with a plugin of
 * either kind present, Apollo Server installs none of its own, so no variable
 * can turn reporting on (or schema reporting off) behind the configuration.
 */
import type { ApolloConfigInput, ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginSchemaReporting } from '@apollo/server/plugin/schemaReporting';
import { ApolloServerPluginUsageReporting } from '@apollo/server/plugin/usageReporting';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { ApolloStudioConfig } from '../config';
import { translateDatabaseErrors } from '../database/unavailable';

interface ApolloStudio {
  /** For `new ApolloServer({ apollo })`; undefined when Studio is not configured. */
  apollo: ApolloConfigInput | undefined;
  plugins: ApolloServerPlugin<BaseContext>[];
}

/**
 * Share of the operations after the first of their kind in a minute whose
 * every field is timed. Field-level tracing wraps every resolved field, as the
 * cache-control plugin did (a third of a large query's CPU, bench B7 in
 * docs/performance.md), so it is sampled; which fields an operation uses is
 * computed from its document for every operation, so field usage stays exact.
 */
const FIELD_TRACE_SAMPLE = 0.1;

/** Operation kinds remembered per minute before sampling falls back to FIELD_TRACE_SAMPLE alone. */
const KINDS_REMEMBERED = 1000;

export function apolloStudio(config: ApolloStudioConfig | undefined): ApolloStudio {
  if (!config) {
    return {
      apollo: undefined,
      plugins: [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()],
    };
  }
  return {
    apollo: { key: config.key, graphRef: config.graphRef },
    plugins: [
      ApolloServerPluginUsageReporting({
        endpointUrl: config.usageReportingUrl,
        // Variables and headers carry users' data and tokens: Studio gets neither (Apollo's default, said here).
        sendVariableValues: { none: true },
        sendHeaders: { none: true },
        sendErrors: { transform: errorByCode },
        fieldLevelInstrumentation: fieldTraceSampler(),
        // Stopping sends the last report and waits for it before the relay and the database close: a Studio that
        // does not answer holds that up for 2 × 5 s at most, not Apollo's 5 × 30 s, well inside a process
        // manager's grace period. While running, reports go every 10 s off the request path.
        requestTimeoutMs: 5_000,
        maxAttempts: 2,
      }),
      config.schemaReporting
        ? ApolloServerPluginSchemaReporting({ endpointUrl: config.schemaReportingUrl })
        : ApolloServerPluginSchemaReportingDisabled(),
    ],
  };
}

/**
 * Errors reach Studio as their `extensions.code` alone (NOT_FOUND, FORBIDDEN,
 * INTERNAL_SERVER_ERROR …), with their path and location. Usage reports see
 * errors before our formatter (graphql/format-error.ts) hides internals from
 * clients, so an unmodified message could carry SQL or a host name, and domain
 * messages quote users' input; Apollo's own `masked` would keep nothing but
 * "<masked>". The code is what tells an error rate apart, without either.
 */
function errorByCode(error: GraphQLError): GraphQLError {
  // A database that cannot be reached is SERVICE_UNAVAILABLE, as clients are told (format-error.ts).
  const code = translateDatabaseErrors(unwrapResolverError(error))?.code ?? error.extensions?.code;
  const reported = typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  return new GraphQLError(reported, { extensions: { code: reported } });
}

/**
 * Times every field of the first operation of each kind (name and document) in
 * a minute, and of FIELD_TRACE_SAMPLE of the rest with weight 1/FIELD_TRACE_SAMPLE
 * (an unbiased estimate of field executions). Uniform sampling alone would
 * leave a rare operation without a single trace in Studio, and the first of a
 * kind is also the one Apollo sends as a trace rather than as statistics.
 */
export function fieldTraceSampler(
  random: () => number = Math.random,
  now: () => number = Date.now,
): (request: { queryHash: string; operationName: string | null }) => Promise<number> {
  let minute = -1;
  const seen = new Set<string>();
  return async ({ queryHash, operationName }) => {
    const current = Math.floor(now() / 60_000);
    if (current !== minute) {
      minute = current;
      seen.clear();
    }
    const kind = `${operationName ?? ''}\n${queryHash}`;
    if (!seen.has(kind) && seen.size < KINDS_REMEMBERED) {
      seen.add(kind);
      return 1;
    }
    return random() < FIELD_TRACE_SAMPLE ? 1 / FIELD_TRACE_SAMPLE : 0;
  };
}
