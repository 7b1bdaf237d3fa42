/**
 * `lineHistory` is priced by its `first`, as every connection is (docs/operations.md, "Operation
 * limits"): its own cost (100) plus `first` times one entry's selection, with the default page (20)
 * when `first` is not given, whether inline or as a variable.
 */
import 'reflect-metadata';
import { parse, type GraphQLSchema } from 'graphql';
import { BASE_OPERATION_COST, operationCost } from '../../src/graphql/operation-limits';
import { createSchema } from '../../src/graphql/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const price = (query: string, variables?: Record<string, unknown>) =>
  operationCost(schema, parse(query), undefined, variables);

describe('the price of lineHistory', () => {
  it('is its own cost plus first × one entry (nodes { id } is 2 per entry)', () => {
    const ids = (first: number) => `{ lineHistory(lineId: "1", first: ${first}) { nodes { id } } }`;
    expect(price(ids(1))).toBe(BASE_OPERATION_COST + 100 + 1 * 2);
    expect(price(ids(10))).toBe(BASE_OPERATION_COST + 100 + 10 * 2);
    expect(price(ids(100))).toBe(BASE_OPERATION_COST + 100 + 100 * 2);
    expect(price('{ lineHistory(lineId: "1") { nodes { id } } }')).toBe(price(ids(20)));
    expect(price('query ($n: Int) { lineHistory(lineId: "1", first: $n) { nodes { id } } }', { n: 50 })).toBe(
      price(ids(50)),
    );
  });

  it('grows with what each entry selects: the figures before and after cost per entry', () => {
    const withFigures = (first: number) =>
      `{ lineHistory(lineId: "1", first: ${first}) {
           edges { cursor node { id by { id name } before { countedQty varianceValue } after { countedQty varianceValue } } }
           pageInfo { hasNextPage endCursor } } }`;
    const perEntry = (price(withFigures(100)) - price(withFigures(1))) / 99;
    // edges (1) + cursor (1) + node (1) + id (1) + by (1 + 2) + before (1 + 2) + after (1 + 2)
    expect(perEntry).toBe(13);
  });
});
