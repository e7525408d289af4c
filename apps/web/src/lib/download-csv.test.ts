import { describe, expect, it } from 'vitest';
import { csvUrl } from './download-csv';

describe('csvUrl', () => {
  it('sends the filters that are set, encoded', () => {
    expect(csvUrl('audit', { entity: 'User', action: undefined, from: '2026-12-01T00:00:00.000Z', to: '' })).toBe(
      '/export/audit.csv?entity=User&from=2026-12-01T00%3A00%3A00.000Z',
    );
    expect(csvUrl('audit', {})).toBe('/export/audit.csv');
    expect(csvUrl('top-dishes', { q: 'a&b=c', limit: 10 })).toBe('/export/top-dishes.csv?q=a%26b%3Dc&limit=10');
  });
});
