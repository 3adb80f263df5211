import { proxyFor } from './proxy';

const at = (url: string, env: Record<string, string>): string | undefined => proxyFor(new URL(url), env);

describe('the proxy the environment names', () => {
  it('is <scheme>_proxy, lower case before upper case, else all_proxy; without a scheme an http:// proxy', () => {
    expect(at('https://s.example.com/x', { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' })).toBe(
      'http://lower:2'
    );
    expect(at('http://s.example.com/x', { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    expect(at('http://s.example.com/x', { ALL_PROXY: 'p.corp:3128' })).toBe('http://p.corp:3128');
    expect(at('https://s.example.com/x', {})).toBeUndefined();
  });

  it('is none for a host NO_PROXY names: exactly, by suffix with a leading . or *, per port, or * for all', () => {
    const env = (noProxy: string) => ({ HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy });
    expect(at('https://s.example.com/', env('s.example.com'))).toBeUndefined();
    expect(at('https://a.s.example.com/', env('s.example.com'))).toBe('http://p:1');
    expect(at('https://a.sap.corp/', env('localhost .sap.corp'))).toBeUndefined();
    expect(at('https://sap.corp/', env('.sap.corp'))).toBe('http://p:1');
    expect(at('https://a.sap.corp/', env('*.sap.corp'))).toBeUndefined();
    expect(at('https://S.Example.com:8443/', env('x,s.example.com:8443'))).toBeUndefined();
    expect(at('https://s.example.com/', env('s.example.com:8443'))).toBe('http://p:1');
    expect(at('https://s.example.com/', env('s.example.com:443'))).toBeUndefined();
    expect(at('https://anything/', env('*'))).toBeUndefined();
    expect(at('https://[::1]:8443/', env('[::1]'))).toBeUndefined();
  });
});
