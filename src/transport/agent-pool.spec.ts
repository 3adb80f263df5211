import { createAgentPool } from './agent-pool';

describe('the agent pool', () => {
  it('shares one agent per way of connecting, bounded, the least recently used retired first', () => {
    const pool = createAgentPool({}, 2);
    const a = pool.route('http://h:1/x', { maxSockets: 4 });
    expect(pool.route('http://other:2/y', { maxSockets: 4 }).agent).toBe(a.agent); // per connection, not per host
    expect(a.agent.maxSockets).toBe(4);
    const b = pool.route('http://h:1/x', { maxSockets: 5 });
    expect(b.agent).not.toBe(a.agent);
    pool.route('http://h:1/x', { maxSockets: 4 }); // a used again: b is now the oldest
    pool.route('http://h:1/x', { maxSockets: 6 });
    expect(pool.route('http://h:1/x', { maxSockets: 4 }).agent).toBe(a.agent);
    expect(pool.route('http://h:1/x', { maxSockets: 5 }).agent).not.toBe(b.agent);
    expect(b.agent.keepSocketAlive({} as never)).toBe(false);
  });

  it('routes through the proxy the environment names, unless NO_PROXY names the host', () => {
    const pool = createAgentPool({ HTTP_PROXY: 'http://u:pw@proxy:3128', NO_PROXY: 'direct.example.com' });
    expect(pool.route('http://s.example.com/')).toMatchObject({
      proxy: 'http://proxy:3128',
      forward: { protocol: 'http:', host: 'proxy', port: 3128, auth: { username: 'u', password: 'pw' } }
    });
    expect(pool.route('http://direct.example.com/').proxy).toBeUndefined();
    expect(() => pool.route('http://s.example.com/', { proxy: 'socks5://p:1080' })).toThrow(
      'The proxy is not an http:// or https:// URL'
    );
  });
});
