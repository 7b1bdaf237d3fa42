/**
 * Relay-style connections for paged lists (docs/api-conventions.md, "Paged lists"): any list that
 * can grow past a few hundred items is a `XConnection` with `edges { cursor node }`, a `nodes`
 * shortcut and `pageInfo`, read forwards with `first` (bounded) and `after` (the previous page's
 * `endCursor`). This is what Apollo Client's `relayStylePagination`, urql's and Relay's pagination
 * helpers expect.
 *
 * To page another list: return a domain `Page` (src/domain/page.ts) from the service, declare the
 * type once with `connectionOf(NodeType, 'Node')`, and answer with `connectionFrom(page, cursorOf)`
 * where `cursorOf` is `encodeCursor('node', key)`; decode `after` with `decodeCursor`. The cost model
 * prices any field returning such a type by its `first` (operation-limits.ts).
 */
import { ArgsType, Extensions, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadInputError } from '../../domain/errors';
import { PAGE_SIZE, type Page } from '../../domain/page';
import { COST_EXTENSION, LIST_SIZE_EXTENSION } from '../operation-limits';

/** The arguments of every paged list: a page of `first` items after the cursor `after`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: PAGE_SIZE.default, description: `Page size, 1 to ${PAGE_SIZE.max}.` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "The previous page's `pageInfo.endCursor` (or any edge's cursor): the page starts after it.",
  })
  after?: string | null;
}

/** The range of `first`, checked before the operation is priced (argument-ranges.ts). */
export const PAGE_ARGUMENT_RANGES = { first: { min: 1, max: PAGE_SIZE.max } };

/**
 * Extensions of the fields of PageInfo: it is computed with the page, so it costs nothing of its own
 * (otherwise the cost model, which multiplies a connection's selection by `first`, would charge it per item).
 */
const FREE = { [COST_EXTENSION]: 0 };

@ObjectType('PageInfo', { description: 'Where a page of a connection sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow this page: ask again with `after: endCursor`.' })
  @Extensions(FREE)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items precede this page (it was read after a cursor).' })
  @Extensions(FREE)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null when the page is empty." })
  @Extensions(FREE)
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor, to pass as `after` for the next page; null when the page is empty.",
  })
  @Extensions(FREE)
  endCursor!: string | null;
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface Connection<TNode> {
  edges: Edge<TNode>[];
  nodes: TNode[];
  pageInfo: PageInfo;
}

/**
 * Declares `${name}Connection` and `${name}Edge` for a node type; call once per node type. The
 * lists inside a connection declare one item each, so that the field returning the connection is
 * priced as `first` times the selection of one item (operation-limits.ts).
 */
export function connectionOf<TNode extends object>(
  nodeType: ClassType<TNode>,
  name: string,
): ClassType<Connection<TNode>> {
  @ObjectType(`${name}Edge`, { description: `A ${name} in a page, with its cursor.` })
  class EdgeType implements Edge<TNode> {
    @Field(() => String, { description: 'Opaque: pass it as `after` to read the items after this one.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items (Relay-style connection).` })
  class ConnectionType implements Connection<TNode> {
    @Field(() => [EdgeType])
    @Extensions({ [LIST_SIZE_EXTENSION]: 1 })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    @Extensions({ [LIST_SIZE_EXTENSION]: 1 })
    nodes!: TNode[];

    @Field(() => PageInfo)
    @Extensions(FREE)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** The connection answering a domain page; `cursorOf` gives each item's opaque cursor. */
export function connectionFrom<TItem, TNode = TItem>(
  page: Page<TItem>,
  cursorOf: (item: TItem) => string,
  nodeOf: (item: TItem) => TNode = (item) => item as unknown as TNode,
): Connection<TNode> {
  const edges = page.items.map((item) => ({ cursor: cursorOf(item), node: nodeOf(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Cursors are opaque to clients (base64url of `list:key`), so the key behind them can change without
 * breaking anyone; the list name keeps one list's cursor from being taken for another's.
 */
export function encodeCursor(list: string, key: number | string): string {
  return Buffer.from(`${list}:${key}`, 'utf8').toString('base64url');
}

/** The key inside a cursor of `list`, or BAD_USER_INPUT naming `argument`. */
export function decodeCursor(list: string, cursor: string, argument = 'after'): string {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const prefix = `${list}:`;
  if (!decoded.startsWith(prefix) || decoded.length === prefix.length)
    throw new BadInputError(argument, `${argument} is not a cursor of this list: pass a cursor it returned`);
  return decoded.slice(prefix.length);
}
