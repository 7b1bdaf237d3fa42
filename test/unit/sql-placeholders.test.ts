/**
 * Statements are written once with `?` placeholders and run both through
 * knex (inside ORM transactions) and straight on a pooled connection (the
 * count path): both must read a statement the same way.
 */
import { numberPlaceholders } from '../../src/persistence/sql';

describe('numbering placeholders for a pooled connection', () => {
  it('numbers each ? in order', () => {
    expect(numberPlaceholders('update t set a = ?, b = ? where id = ? returning version')).toEqual({
      text: 'update t set a = $1, b = $2 where id = $3 returning version',
      count: 3,
    });
  });

  it('leaves a statement without placeholders as it is', () => {
    expect(numberPlaceholders('select 1')).toEqual({ text: 'select 1', count: 0 });
  });

  it('reads \\? as a literal question mark, as knex does', () => {
    expect(numberPlaceholders("select data \\? 'key' from t where id = ?")).toEqual({
      text: "select data ? 'key' from t where id = $1",
      count: 1,
    });
  });
});
