/**
 * Which operations Apollo Studio gets field-level timings for
 * (src/infrastructure/http/apollo-studio.ts, docs/operations.md "Apollo Studio"):
 * the first of each kind in a minute always, the rest a sample weighted so
 * that Studio's estimated field executions stay unbiased.
 */
import { fieldTraceSampler } from '../../src/infrastructure/http/apollo-studio';

describe('field-level trace sampling for Apollo Studio', () => {
  it('times the first operation of each kind in a minute, then a tenth of the rest with weight 10', async () => {
    let draw = 0.5;
    let clock = 60_000 * 100;
    const sample = fieldTraceSampler(
      () => draw,
      () => clock,
    );
    const catalogue = { queryHash: 'h1', operationName: 'Catalogue' };

    expect(await sample(catalogue)).toBe(1);
    expect(await sample({ queryHash: 'h1', operationName: 'Other' })).toBe(1);
    expect(await sample({ queryHash: 'h2', operationName: null })).toBe(1);
    expect(await sample(catalogue)).toBe(0);
    draw = 0.05;
    expect(await sample(catalogue)).toBe(10);

    draw = 0.5;
    clock += 60_000;
    expect(await sample(catalogue)).toBe(1);
    expect(await sample(catalogue)).toBe(0);
  });
});
