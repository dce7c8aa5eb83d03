import { AdaptivePacer, retryDelayMs } from '../../src/bot/delivery/adaptive-pacer';

describe('pacing sends to the Bot Connector', () => {
  it('halves on a 429 at most once a second and creeps back up on success', () => {
    let now = 0;
    const pacer = new AdaptivePacer({ initialPerSecond: 40, minPerSecond: 2, maxPerSecond: 50, increasePerSuccess: 1 }, () => now);
    pacer.throttled();
    pacer.throttled();
    pacer.throttled();
    expect(pacer.perSecond).toBe(20);
    now = 1000;
    pacer.throttled();
    expect(pacer.perSecond).toBe(10);
    for (let i = 0; i < 100; i++) pacer.succeeded();
    expect(pacer.perSecond).toBe(50);
  });

  it('backs off exponentially with jitter, capped at five minutes, and honours Retry-After', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(4, undefined, () => 1)).toBe(8000);
    expect(retryDelayMs(30, undefined, () => 1)).toBe(300_000);
    expect(retryDelayMs(3, 7000)).toBe(7000);
  });
});
