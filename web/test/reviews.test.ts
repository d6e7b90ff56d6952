import { describe, expect, it } from 'vitest';
import { RATINGS, ratedText, ratingSummary, reviewPart, starsLabel } from '../src/reviews';
import type { Review } from '../src/types';
import { GUEST, HOST, session } from './sessions.fixture';

const review = (answer: string | null = null): Review => ({
  sessionId: 's',
  hostId: HOST,
  guestDisplayName: 'Gina',
  rating: 4,
  text: 'Clear answers.',
  answer,
  answeredAt: answer ? '2026-01-02T00:00:00Z' : null,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('a host’s rating on Discover', () => {
  it('reads as stars, one decimal and the number of reviews', () => {
    expect(ratingSummary({ average: 4.6, count: 12 })).toBe('★ 4.6 (12 reviews)');
    expect(ratingSummary({ average: 5, count: 1 })).toBe('★ 5.0 (1 review)');
  });

  it('is not shown for a host nobody rated', () => {
    expect(ratingSummary(null)).toBeNull();
    expect(ratingSummary(undefined)).toBeNull();
    expect(ratingSummary({ average: 0, count: 0 })).toBeNull();
  });
});

describe('the review part of a session card', () => {
  it('lets the guest of a completed session rate it once, then tells what they gave', () => {
    expect(reviewPart(session('completed'), GUEST, null)).toBe('rate');
    expect(reviewPart(session('completed'), GUEST, review())).toBe('rated');
    expect(ratedText(review())).toBe('You rated it 4/5');
  });

  it('lets the host answer the review once, and shows them nothing before it exists', () => {
    expect(reviewPart(session('completed'), HOST, null)).toBeNull();
    expect(reviewPart(session('completed'), HOST, review())).toBe('answer');
    expect(reviewPart(session('completed'), HOST, review('Thanks!'))).toBe('answered');
  });

  it('offers nothing before completion, nor to anyone else', () => {
    for (const status of ['requested', 'confirmed', 'in_progress', 'cancelled'] as const) {
      expect(reviewPart(session(status), GUEST, null)).toBeNull();
      expect(reviewPart(session(status), HOST, review())).toBeNull();
    }
    expect(reviewPart(session('completed'), 'someone else', review())).toBeNull();
  });

  it('names each of the five stars for screen readers', () => {
    expect(RATINGS.map(starsLabel)).toEqual(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
  });
});
