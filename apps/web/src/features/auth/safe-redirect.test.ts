import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeRedirect('/admin/users?x=1')).toBe('/admin/users?x=1');
  });

  it('refuses other sites, protocol-relative URLs and the sign-in page', () => {
    for (const target of ['https://evil.test/', '//evil.test/x', 'javascript:alert(1)', '/login?redirect=%2F', undefined, '']) {
      expect(safeRedirect(target)).toBe('/');
    }
  });
});
