import schema from 'virtual:graphcache-schema';
import { Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { createClient } from './client';

describe('createClient', () => {
  it('builds the client with the API schema for Graphcache', () => {
    expect(createClient()).toBeInstanceOf(Client);
    expect(schema.__schema.queryType.name).toBe('Query');
    const post = schema.__schema.types?.find((type: { name?: string }) => type.name === 'Post');
    expect(post?.interfaces).toEqual([expect.objectContaining({ name: 'Node' })]);
  });
});
