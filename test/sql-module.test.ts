/**
 * The SQL module (src/persistence/sql.ts) against a real PostgreSQL, with the
 * ORM settings the app runs with: values and arrays go as bind parameters,
 * statements inside an ORM transaction see and share its work, a failed
 * sqlTransaction rolls back, and checked rows refuse a row of another shape.
 * It reaches knex's connections through `client.acquireConnection`, outside
 * knex's typed API: an upgrade that moves them fails here first.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { Type } from '@sinclair/typebox';
import { ormOptions } from '../src/infrastructure/database/orm-options';
import { entitySql, pooledSql, sqlTransaction } from '../src/persistence/sql';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let orm: MikroORM;
const table = `sql_module_${process.pid}`;

beforeAll(async () => {
  orm = await MikroORM.init(ormOptions(url));
  await pooledSql(orm).rows(`create table ${table} (id int primary key, name text not null)`);
});

afterAll(async () => {
  await pooledSql(orm).rows(`drop table if exists ${table}`);
  await orm.close(true);
});

describe('the SQL module', () => {
  it('sends values and arrays as parameters, never into the text', async () => {
    const hostile = `o'brien", "x\\`;
    const rows = await pooledSql(orm).rows<{ same: boolean; names: string[]; ids: number[] }>(
      'select ? = ? as same, cast(? as text[]) as names, cast(? as int[]) as ids',
      [hostile, hostile, [hostile, 'plain'], [3, 1, 2]],
    );
    expect(rows).toEqual([{ same: true, names: [hostile, 'plain'], ids: [3, 1, 2] }]);
    expect(await pooledSql(orm).rows<{ n: number }>('select count(*)::int as n where 1 = any(?)', [[]])).toEqual([
      { n: 0 },
    ]);
  });

  it('refuses a wrong number of parameters and an undefined one', async () => {
    await expect(pooledSql(orm).rows('select ?, ?', [1])).rejects.toThrow('Expected 2 bind parameters, got 1');
    await expect(pooledSql(orm).rows('select ?', [undefined])).rejects.toThrow('An undefined bind parameter');
  });

  it('runs in the ORM transaction an EntityManager is in: its rows commit or roll back with it', async () => {
    await orm.em.fork().transactional(async (em) => {
      const sql = entitySql(em);
      await sql.rows(`insert into ${table} (id, name) values (?, ?)`, [1, 'kept']);
      // The same connection: the uncommitted row is visible to the ORM in its transaction.
      expect(await em.execute(`select name from ${table} where id = 1`)).toEqual([{ name: 'kept' }]);
    });
    await expect(
      orm.em.fork().transactional(async (em) => {
        await entitySql(em).rows(`insert into ${table} (id, name) values (?, ?)`, [2, 'dropped']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await pooledSql(orm).rows(`select id, name from ${table} order by id`)).toEqual([{ id: 1, name: 'kept' }]);
  });

  it('commits a sqlTransaction when its work returns and rolls it back when it throws', async () => {
    await sqlTransaction(orm, (sql) => sql.rows(`insert into ${table} (id, name) values (?, ?)`, [3, 'committed']));
    await expect(
      sqlTransaction(orm, async (sql) => {
        await sql.rows(`insert into ${table} (id, name) values (?, ?)`, [4, 'rolled back']);
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(await pooledSql(orm).rows<{ id: number }>(`select id from ${table} where id > 2 order by id`)).toEqual([
      { id: 3 },
    ]);
  });

  it('checks rows against their schema and refuses a row of another shape', async () => {
    const Row = Type.Object({ id: Type.Integer(), name: Type.String() });
    expect(await pooledSql(orm).checkedRows(Row, `select id, name from ${table} where id = ?`, [1])).toEqual([
      { id: 1, name: 'kept' },
    ]);
    await expect(
      pooledSql(orm).checkedRows(Row, `select id::text as id, name from ${table} where id = ?`, [1]),
    ).rejects.toThrow(/does not match its type: \/id/);
  });
});
