import { app } from './app';
import { common } from './common';
import { errors } from './errors';
import { auth } from './auth';
import { menu } from './menu';
import { cart } from './cart';
import { orders } from './orders';
import { till } from './till';
import { wallet } from './wallet';
import { products } from './products';
import { reviews } from './reviews';
import { credits } from './credits';
import { payments } from './payments';
import { people } from './people';
import { departments } from './departments';
import { users } from './users';
import { audit } from './audit';
import { report } from './report';
import { news } from './news';
import { profile } from './profile';
import { settings } from './settings';
import { kitchen } from './kitchen';
import { notifications } from './notifications';
import { plan } from './plan';

import type { Resources } from '../en';

/** Every German text: the types make it complete (a missing or extra key does not compile). */
export const de: Resources = {
  app,
  common,
  errors,
  auth,
  menu,
  cart,
  orders,
  till,
  wallet,
  products,
  reviews,
  credits,
  payments,
  people,
  departments,
  users,
  audit,
  report,
  news,
  profile,
  settings,
  kitchen,
  notifications,
  plan,
};
