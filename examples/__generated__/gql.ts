/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "query ExampleStocktakes($hotel: String!, $first: Int!, $after: String) {\n  stocktakes(hotel: $hotel, first: $first, after: $after) {\n    nodes {\n      id\n      periodStart\n      periodEnd\n      status\n      lineCount\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nsubscription ExampleStocktakeListEvents($hotel: String!, $afterSequence: Int, $epoch: String) {\n  stocktakeListEvents(hotel: $hotel, afterSequence: $afterSequence, epoch: $epoch) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on StocktakeCreatedEvent {\n      stocktake {\n        id\n        periodStart\n        periodEnd\n      }\n    }\n    ... on StocktakeStatusChangedEvent {\n      status\n    }\n  }\n}\n\nsubscription ExampleStocktakeEvents($stocktakeId: ID!, $afterSequence: Int, $epoch: String) {\n  stocktakeEvents(\n    stocktakeId: $stocktakeId\n    afterSequence: $afterSequence\n    epoch: $epoch\n  ) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on LineCountedUpdatedEvent {\n      line {\n        id\n        itemSku\n        countedQty\n        expectedQty\n        varianceQty\n        varianceValue\n      }\n    }\n    ... on StocktakePopulatedEvent {\n      linesCreated\n    }\n  }\n}": typeof types.ExampleStocktakesDocument,
};
const documents: Documents = {
    "query ExampleStocktakes($hotel: String!, $first: Int!, $after: String) {\n  stocktakes(hotel: $hotel, first: $first, after: $after) {\n    nodes {\n      id\n      periodStart\n      periodEnd\n      status\n      lineCount\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nsubscription ExampleStocktakeListEvents($hotel: String!, $afterSequence: Int, $epoch: String) {\n  stocktakeListEvents(hotel: $hotel, afterSequence: $afterSequence, epoch: $epoch) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on StocktakeCreatedEvent {\n      stocktake {\n        id\n        periodStart\n        periodEnd\n      }\n    }\n    ... on StocktakeStatusChangedEvent {\n      status\n    }\n  }\n}\n\nsubscription ExampleStocktakeEvents($stocktakeId: ID!, $afterSequence: Int, $epoch: String) {\n  stocktakeEvents(\n    stocktakeId: $stocktakeId\n    afterSequence: $afterSequence\n    epoch: $epoch\n  ) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on LineCountedUpdatedEvent {\n      line {\n        id\n        itemSku\n        countedQty\n        expectedQty\n        varianceQty\n        varianceValue\n      }\n    }\n    ... on StocktakePopulatedEvent {\n      linesCreated\n    }\n  }\n}": types.ExampleStocktakesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExampleStocktakes($hotel: String!, $first: Int!, $after: String) {\n  stocktakes(hotel: $hotel, first: $first, after: $after) {\n    nodes {\n      id\n      periodStart\n      periodEnd\n      status\n      lineCount\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nsubscription ExampleStocktakeListEvents($hotel: String!, $afterSequence: Int, $epoch: String) {\n  stocktakeListEvents(hotel: $hotel, afterSequence: $afterSequence, epoch: $epoch) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on StocktakeCreatedEvent {\n      stocktake {\n        id\n        periodStart\n        periodEnd\n      }\n    }\n    ... on StocktakeStatusChangedEvent {\n      status\n    }\n  }\n}\n\nsubscription ExampleStocktakeEvents($stocktakeId: ID!, $afterSequence: Int, $epoch: String) {\n  stocktakeEvents(\n    stocktakeId: $stocktakeId\n    afterSequence: $afterSequence\n    epoch: $epoch\n  ) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on LineCountedUpdatedEvent {\n      line {\n        id\n        itemSku\n        countedQty\n        expectedQty\n        varianceQty\n        varianceValue\n      }\n    }\n    ... on StocktakePopulatedEvent {\n      linesCreated\n    }\n  }\n}"): (typeof documents)["query ExampleStocktakes($hotel: String!, $first: Int!, $after: String) {\n  stocktakes(hotel: $hotel, first: $first, after: $after) {\n    nodes {\n      id\n      periodStart\n      periodEnd\n      status\n      lineCount\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}\n\nsubscription ExampleStocktakeListEvents($hotel: String!, $afterSequence: Int, $epoch: String) {\n  stocktakeListEvents(hotel: $hotel, afterSequence: $afterSequence, epoch: $epoch) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on StocktakeCreatedEvent {\n      stocktake {\n        id\n        periodStart\n        periodEnd\n      }\n    }\n    ... on StocktakeStatusChangedEvent {\n      status\n    }\n  }\n}\n\nsubscription ExampleStocktakeEvents($stocktakeId: ID!, $afterSequence: Int, $epoch: String) {\n  stocktakeEvents(\n    stocktakeId: $stocktakeId\n    afterSequence: $afterSequence\n    epoch: $epoch\n  ) {\n    __typename\n    ... on RealtimeEvent {\n      name\n      epoch\n      sequence\n      occurredAt\n      actor {\n        name\n      }\n    }\n    ... on LineCountedUpdatedEvent {\n      line {\n        id\n        itemSku\n        countedQty\n        expectedQty\n        varianceQty\n        varianceValue\n      }\n    }\n    ... on StocktakePopulatedEvent {\n      linesCreated\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;