/**
 * Every migration, in order. The running app uses this list (so it works the
 * same compiled or under ts-node); `npm run migration:create` adds new files.
 */
import { Migration20261123225820 } from './Migration20261123225820';
import { Migration20261123230628 } from './Migration20261123230628';
import { Migration20261123233115 } from './Migration20261123233115';
import { Migration20261130224530 } from './Migration20261130224530';
import { Migration20261201021918 } from './Migration20261201021918';
import { Migration20261205090535 } from './Migration20261205090535';
import { Migration20261205143641 } from './Migration20261205143641';
import { Migration20261205170528 } from './Migration20261205170528';
import { Migration20261205170829 } from './Migration20261205170829';
import { Migration20261205174626 } from './Migration20261205174626';
import { Migration20261205201204 } from './Migration20261205201204';

export const migrationsList = [
  { name: 'Migration20261123225820', class: Migration20261123225820 },
  { name: 'Migration20261123230628', class: Migration20261123230628 },
  { name: 'Migration20261123233115', class: Migration20261123233115 },
  { name: 'Migration20261130224530', class: Migration20261130224530 },
  { name: 'Migration20261201021918', class: Migration20261201021918 },
  { name: 'Migration20261205090535', class: Migration20261205090535 },
  { name: 'Migration20261205143641', class: Migration20261205143641 },
  { name: 'Migration20261205170528', class: Migration20261205170528 },
  { name: 'Migration20261205170829', class: Migration20261205170829 },
  { name: 'Migration20261205174626', class: Migration20261205174626 },
  { name: 'Migration20261205201204', class: Migration20261205201204 },
];
