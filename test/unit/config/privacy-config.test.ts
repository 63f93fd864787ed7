import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config/index.js';

describe('simulator host and retention settings', () => {
  it('the simulator listens on 127.0.0.1 unless XIAOER_SIMULATOR_HOST says otherwise', () => {
    expect(loadConfig({}).simulatorHost).toBe('127.0.0.1');
    expect(loadConfig({ XIAOER_SIMULATOR_HOST: '' }).simulatorHost).toBe('127.0.0.1');
    expect(loadConfig({ XIAOER_SIMULATOR_HOST: '0.0.0.0' }).simulatorHost).toBe('0.0.0.0');
    expect(() => loadConfig({ XIAOER_SIMULATOR_HOST: 'a b' })).toThrow(ConfigError);
  });
  it('raw inbound payloads are kept XIAOER_INBOUND_RETENTION_DAYS days, 30 by default', () => {
    expect(loadConfig({}).inboundRetentionDays).toBe(30);
    expect(loadConfig({ XIAOER_INBOUND_RETENTION_DAYS: '7' }).inboundRetentionDays).toBe(7);
    for (const bad of ['0', '-1', 'x', '2.5']) expect(() => loadConfig({ XIAOER_INBOUND_RETENTION_DAYS: bad }), bad).toThrow(ConfigError);
  });
});
