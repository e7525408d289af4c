import type { MenuCache } from './lib/menu-cache';
import type { RateLimits } from './lib/rate-limit';
import type { SettingsStore } from './lib/settings';
import type { TokenSigner } from './lib/tokens';

/** Process-wide collaborators every request shares. */
export type Deps = {
  tokens: TokenSigner;
  rateLimits: RateLimits;
  settings: SettingsStore;
  refreshTtlDays: number;
  menuCache: MenuCache;
};
