import { describe, expect, it } from 'vitest';

import { getRequestSourceLabel } from '../../src/frameworks/request/get-request-source-label.js';

describe('getRequestSourceLabel', () => {
  it('names each part of the request as a message phrase', () => {
    expect(getRequestSourceLabel('params')).toBe('a route parameter');
    expect(getRequestSourceLabel('body')).toBe('the request body');
    expect(getRequestSourceLabel('action-arg')).toBe('a server action argument');
  });
});
