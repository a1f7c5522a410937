import { expect, it } from 'vitest';
import { loadConfig } from '../config/jol-config.ts';
import { codeownersText } from './codeowners.ts';

it('central team everywhere; each organisation with SPOCs on its assurance returns, with the central team kept', () => {
  const text = codeownersText(
    [
      { id: 'alpha', name: 'Alpha', spoc: ['alpha-spoc', '@alpha-org/jol-team'] },
      { id: 'beta', name: 'Beta', spoc: [] },
    ],
    loadConfig(),
  );
  const rules = text.split('\n').filter((l) => l && !l.startsWith('#'));
  expect(rules).toEqual([
    '* @jol-library/jol-central-team',
    '/content/assurance/*/alpha.yaml @jol-library/jol-central-team @alpha-spoc @alpha-org/jol-team',
  ]);
});
