/**
 * Environment configuration (issue 8 items 9 and 12): cookies are Secure by default unless the server
 * listens on this machine only, and the client address comes from a proxy's header only with TRUST_PROXY.
 */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, loadConfig } from './config.ts';

describe('SECURE_COOKIES', () => {
  it('defaults to Secure cookies outside loopback, and not on loopback (local use over http)', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).secureCookies).toBe(true);
    expect(loadConfig({ HOST: 'monitor.example.nl' }).secureCookies).toBe(true);
    expect(loadConfig({}).secureCookies).toBe(false); // HOST defaults to 127.0.0.1
    expect(loadConfig({ HOST: 'localhost' }).secureCookies).toBe(false);
    expect(loadConfig({ HOST: '::1' }).secureCookies).toBe(false);
  });
  it('can be set explicitly either way', () => {
    expect(loadConfig({ HOST: '0.0.0.0', SECURE_COOKIES: 'false' }).secureCookies).toBe(false);
    expect(loadConfig({ HOST: '127.0.0.1', SECURE_COOKIES: 'true' }).secureCookies).toBe(true);
  });
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '10.0.0.1', '::', 'example.nl'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default; true, a number of hops, or proxy addresses when set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.1.0/24' }).trustProxy).toBe('10.0.0.1, 10.0.1.0/24');
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
