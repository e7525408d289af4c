import { describe, expect, it } from 'vitest';
import { exportFileName, isEraseConfirmed } from './privacy';

describe('exportFileName', () => {
  it('names one’s own export by the local day', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('canteen-data-2026-01-05.json');
  });

  it('adds the person’s email, lower-cased and safe for a file name', () => {
    expect(exportFileName(new Date(2026, 10, 20), 'Robin.Roe@Canteen.test')).toBe(
      'canteen-data-robin.roe@canteen.test-2026-11-20.json',
    );
    expect(exportFileName(new Date(2026, 10, 20), 'a/b\\c:d@x.test')).toBe('canteen-data-a-b-c-d@x.test-2026-11-20.json');
  });
});

describe('isEraseConfirmed', () => {
  it('accepts the email in any case, with spaces around it', () => {
    expect(isEraseConfirmed('  Robin.Roe@canteen.TEST ', 'robin.roe@canteen.test')).toBe(true);
  });

  it('refuses anything else, including nothing', () => {
    expect(isEraseConfirmed('robin.roe@canteen.tes', 'robin.roe@canteen.test')).toBe(false);
    expect(isEraseConfirmed('robin roe', 'robin.roe@canteen.test')).toBe(false);
    expect(isEraseConfirmed('', '')).toBe(false);
  });
});
