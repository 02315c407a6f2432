// The README documents every issue code as the catalog defines it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogMarkdown } from '../../src/validate/catalog.js';

describe('README', () => {
  it('carries the issue catalog exactly (regenerate with catalogMarkdown())', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = readme.split('<!-- catalog:start -->')[1]?.split('<!-- catalog:end -->')[0]?.trim();
    expect(block).toBe(catalogMarkdown());
  });
});
