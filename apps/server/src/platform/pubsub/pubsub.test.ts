import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERVICES, servicesAvailable } from '../../../test/support/services';
import { silentLogger } from '../logger';
import { createMemoryPubSub } from './memory';
import type { PubSub } from './port';
import { createRedisPubSub } from './redis';

const redisOk = await servicesAvailable('redis');

/** Collects messages and lets a test wait for a given count. */
function inbox() {
  const messages: string[] = [];
  return {
    messages,
    handler: (message: string) => {
      messages.push(message);
    },
    waitFor: (count: number) =>
      vi.waitFor(() => expect(messages.length).toBeGreaterThanOrEqual(count), { timeout: 5000, interval: 5 }),
  };
}

/** The behaviour every PubSub adapter promises; run once per adapter. */
function pubSubContract(name: string, open: () => PubSub, skip = false) {
  describe.skipIf(skip)(`PubSub contract: ${name}`, () => {
    const opened: PubSub[] = [];
    const fresh = () => {
      const pubsub = open();
      opened.push(pubsub);
      return pubsub;
    };
    afterEach(async () => {
      for (const pubsub of opened.splice(0)) await pubsub.close();
    });

    it('delivers a published message to a subscriber, in order', async () => {
      const pubsub = fresh();
      const box = inbox();
      await pubsub.subscribe('posts', box.handler);
      await pubsub.publish('posts', 'one');
      await pubsub.publish('posts', 'two');
      await box.waitFor(2);
      expect(box.messages).toEqual(['one', 'two']);
    });

    it('delivers outside publish’s call stack', async () => {
      const pubsub = fresh();
      let delivered = false;
      const box = inbox();
      await pubsub.subscribe('async', (message) => {
        delivered = true;
        box.handler(message);
      });
      const publishing = pubsub.publish('async', 'hello');
      expect(delivered).toBe(false);
      await publishing;
      await box.waitFor(1);
    });

    it('keeps channels apart', async () => {
      const pubsub = fresh();
      const a = inbox();
      const b = inbox();
      await pubsub.subscribe('a', a.handler);
      await pubsub.subscribe('b', b.handler);
      await pubsub.publish('a', 'for a');
      await pubsub.publish('b', 'for b');
      await a.waitFor(1);
      await b.waitFor(1);
      expect(a.messages).toEqual(['for a']);
      expect(b.messages).toEqual(['for b']);
    });

    it('fans out to every subscriber and stops delivering to one that unsubscribed', async () => {
      const pubsub = fresh();
      const first = inbox();
      const second = inbox();
      const unsubscribeFirst = await pubsub.subscribe('likes', first.handler);
      await pubsub.subscribe('likes', second.handler);
      await pubsub.publish('likes', 'both');
      await first.waitFor(1);
      await second.waitFor(1);

      await unsubscribeFirst();
      await unsubscribeFirst();
      await pubsub.publish('likes', 'second only');
      await second.waitFor(2);
      expect(first.messages).toEqual(['both']);
      expect(second.messages).toEqual(['both', 'second only']);
    });

    it('delivers nothing after the last subscriber left, and again after a new one joins', async () => {
      const pubsub = fresh();
      const gone = inbox();
      const unsubscribe = await pubsub.subscribe('story', gone.handler);
      await unsubscribe();
      await pubsub.publish('story', 'nobody listens');
      const back = inbox();
      await pubsub.subscribe('story', back.handler);
      await pubsub.publish('story', 'welcome back');
      await back.waitFor(1);
      expect(back.messages).toEqual(['welcome back']);
      expect(gone.messages).toEqual([]);
    });

    it('treats the same function subscribed twice as two subscriptions', async () => {
      const pubsub = fresh();
      const box = inbox();
      const unsubscribe = await pubsub.subscribe('dup', box.handler);
      await pubsub.subscribe('dup', box.handler);
      await unsubscribe();
      await pubsub.publish('dup', 'once');
      await box.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(box.messages).toEqual(['once']);
    });

    it('keeps delivering to others when one subscriber throws', async () => {
      const pubsub = fresh();
      const box = inbox();
      await pubsub.subscribe('error', () => {
        throw new Error('bad subscriber');
      });
      await pubsub.subscribe('error', box.handler);
      await pubsub.publish('error', 'still here');
      await box.waitFor(1);
    });

    it('answers ping', async () => {
      await expect(fresh().ping()).resolves.toBeUndefined();
    });
  });
}

pubSubContract('memory', () => createMemoryPubSub({ logger: silentLogger }));

const prefix = `t${randomBytes(4).toString('hex')}:`;
const openRedis = () => createRedisPubSub({ url: SERVICES.redis.url, prefix, logger: silentLogger });
pubSubContract('redis', openRedis, !redisOk);

describe.skipIf(!redisOk)('Redis pub/sub', () => {
  it('fans events across processes (two adapter instances)', async () => {
    const api1 = openRedis();
    const api2 = openRedis();
    const box = inbox();
    await api2.subscribe('dm', box.handler);
    await api1.publish('dm', 'hi from another process');
    await box.waitFor(1);
    expect(box.messages).toEqual(['hi from another process']);
    await api1.close();
    await api2.close();
  });

  it('shares one Redis SUBSCRIBE between local subscribers and drops it with the last', async () => {
    const pubsub = openRedis();
    const raw = new Redis(SERVICES.redis.url);
    const subscribers = async () => {
      const reply: unknown = await raw.call('PUBSUB', 'NUMSUB', `${prefix}shared`);
      return Array.isArray(reply) ? Number(reply[1]) : Number.NaN;
    };
    const [first, second] = await Promise.all([
      pubsub.subscribe('shared', () => {}),
      pubsub.subscribe('shared', () => {}),
    ]);
    expect(await subscribers()).toBe(1);
    await first();
    expect(await subscribers()).toBe(1);
    await second();
    expect(await subscribers()).toBe(0);
    await pubsub.close();
    await raw.quit();
  });
});
