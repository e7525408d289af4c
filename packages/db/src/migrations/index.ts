import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121224517 } from './Migration20261121224517';
import { Migration20261121233257 } from './Migration20261121233257';
import { Migration20261122003341 } from './Migration20261122003341';
import { Migration20261201144839 } from './Migration20261201144839';
import { Migration20261205160723 } from './Migration20261205160723';
import { Migration20261205185202 } from './Migration20261205185202';
import { Migration20261206040000 } from './Migration20261206040000';
import { Migration20261206100000 } from './Migration20261206100000';
import { Migration20261206130000 } from './Migration20261206130000';
import { Migration20261206140000 } from './Migration20261206140000';
import { Migration20261206150000 } from './Migration20261206150000';
import { Migration20261206160000 } from './Migration20261206160000';
import { Migration20261206170000 } from './Migration20261206170000';
import { Migration20261206180000 } from './Migration20261206180000';
import { Migration20261207090000 } from './Migration20261207090000';

/** Every committed migration, in order. Listed explicitly so the bundled API carries them; add new ones here. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261121224517', class: Migration20261121224517 },
  { name: 'Migration20261121233257', class: Migration20261121233257 },
  { name: 'Migration20261122003341', class: Migration20261122003341 },
  { name: 'Migration20261201144839', class: Migration20261201144839 },
  { name: 'Migration20261205160723', class: Migration20261205160723 },
  { name: 'Migration20261205185202', class: Migration20261205185202 },
  { name: 'Migration20261206040000', class: Migration20261206040000 },
  { name: 'Migration20261206100000', class: Migration20261206100000 },
  { name: 'Migration20261206130000', class: Migration20261206130000 },
  { name: 'Migration20261206140000', class: Migration20261206140000 },
  { name: 'Migration20261206150000', class: Migration20261206150000 },
  { name: 'Migration20261206160000', class: Migration20261206160000 },
  { name: 'Migration20261206170000', class: Migration20261206170000 },
  { name: 'Migration20261206180000', class: Migration20261206180000 },
  { name: 'Migration20261207090000', class: Migration20261207090000 },
];
