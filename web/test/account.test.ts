import { describe, expect, it } from 'vitest';
import { graceText, groupSecret, needsSecondFactor } from '../src/accountViews';
import { ApiError } from '../src/api';

describe('account views', () => {
  it('asks for the second factor only when the server says the code is required', () => {
    const problems = 'https://humanchat.dev/problems/';
    expect(needsSecondFactor(new ApiError(401, { type: `${problems}two-factor-required` }))).toBe(true);
    expect(needsSecondFactor(new ApiError(401, { type: `${problems}invalid-two-factor-code` }))).toBe(false);
    expect(needsSecondFactor(new ApiError(401, { type: `${problems}unauthorized` }))).toBe(false);
    expect(needsSecondFactor(new Error('offline'))).toBe(false);
  });

  it('groups a secret in fours for typing', () => {
    expect(groupSecret('ABCDEFGHIJKLMNOPQR')).toBe('ABCD EFGH IJKL MNOP QR');
    expect(groupSecret('ABCD')).toBe('ABCD');
  });

  it('says the grace period in days when it is whole days', () => {
    expect(graceText(168)).toBe('7 days');
    expect(graceText(24)).toBe('1 day');
    expect(graceText(36)).toBe('36 hours');
    expect(graceText(1)).toBe('1 hour');
  });
});
