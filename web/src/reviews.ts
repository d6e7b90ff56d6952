import type { HostRating, Review, Session } from './types';

/** The ratings a guest chooses from (review-session.json). */
export const RATINGS = [1, 2, 3, 4, 5] as const;

/** review-session.json / answer-review.json */
export const REVIEW_TEXT_MAX = 2000;

/** "★ 4.6 (12 reviews)" on a host's card; null for a host nobody rated. */
export function ratingSummary(rating: HostRating | null | undefined): string | null {
  if (!rating || rating.count < 1) return null;
  return `★ ${rating.average.toFixed(1)} (${rating.count} ${rating.count === 1 ? 'review' : 'reviews'})`;
}

/** "4 stars", the accessible name of one choice. */
export function starsLabel(rating: number): string {
  return `${rating} ${rating === 1 ? 'star' : 'stars'}`;
}

/** "You rated it 4/5". */
export function ratedText(review: Pick<Review, 'rating'>): string {
  return `You rated it ${review.rating}/5`;
}

/**
 * What a completed session's card offers `me` about its review: the guest rates it once ('rate', then 'rated'), the
 * host answers it once ('answer', then 'answered'), and before the guest rated it the host sees nothing. Null for a
 * session that is not completed, or someone who is neither.
 */
export function reviewPart(
  session: Pick<Session, 'status' | 'guestUserId' | 'hostUserId'>,
  me: string,
  review: Review | null,
): 'rate' | 'rated' | 'answer' | 'answered' | null {
  if (session.status !== 'completed') return null;
  if (me === session.guestUserId) return review ? 'rated' : 'rate';
  if (me === session.hostUserId && review) return review.answer ? 'answered' : 'answer';
  return null;
}
