import { describe, expect, it } from 'vitest';
import { applicationServerKey } from '../src/webPush';

describe('web push', () => {
  it('turns the base64url VAPID key into the 65 bytes of an uncompressed P-256 point', () => {
    // the curve's generator point, as `npx web-push generate-vapid-keys` prints a public key (no padding)
    const key = applicationServerKey('BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU');
    expect(key.length).toBe(65);
    expect(key[0]).toBe(4);
    expect(key[1]).toBe(0x6b);
    expect(key[64]).toBe(0xf5);
  });
});
