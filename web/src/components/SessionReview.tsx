import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorText } from '../endpoints';
import { reviews } from '../viewEndpoints';
import { RATINGS, REVIEW_TEXT_MAX, ratedText, reviewPart, starsLabel } from '../reviews';
import type { Review, Session } from '../types';
import { ErrorAlert } from './ErrorAlert';

/**
 * The review part of a completed session's card: the guest rates it once ("Rate this session": 1–5 stars as radio
 * buttons, an optional review), then reads "You rated it 4/5"; the host reads the review and answers it publicly, once.
 */
export default function SessionReview({ session, me }: { session: Session; me: string }) {
  const client = useQueryClient();
  const key = ['session-review', session.sessionId];
  const current = useQuery({ queryKey: key, queryFn: () => reviews.ofSession(session.sessionId) });
  const review = current.data?.review ?? null;
  // A 202 (decided, not yet projected) answers {status: 'pending'}: read the review again rather than show that.
  // The host's rating and review list changed with it: Discover and the host's reviews are read again when shown.
  const settle = (answered: Review) => {
    void client.invalidateQueries({ queryKey: ['discover'] });
    void client.invalidateQueries({ queryKey: ['host-reviews', session.hostUserId] });
    void client.invalidateQueries({ queryKey: ['user', session.hostUserId] });
    return answered?.rating ? client.setQueryData(key, { review: answered }) : client.invalidateQueries({ queryKey: key });
  };
  const part = current.data ? reviewPart(session, me, review) : null;
  if (current.error) return <ErrorAlert message={errorText(current.error)} />;
  switch (part) {
    case 'rate':
      return <RateSession sessionId={session.sessionId} onRated={settle} />;
    case 'rated':
      return (
        <div className="review" data-testid="session-review">
          <p>
            <strong>{ratedText(review!)}</strong>
          </p>
          <ReviewBody review={review!} />
        </div>
      );
    case 'answer':
    case 'answered':
      return (
        <div className="review" data-testid="session-review">
          <p>
            <strong>
              {review!.guestDisplayName ?? 'Your guest'} rated it {review!.rating}/5
            </strong>
          </p>
          <ReviewBody review={review!} />
          {part === 'answer' && <AnswerReview sessionId={session.sessionId} onAnswered={settle} />}
        </div>
      );
    default:
      return null;
  }
}

function ReviewBody({ review }: { review: Review }) {
  return (
    <>
      {review.text && <blockquote>{review.text}</blockquote>}
      {review.answer && (
        <p className="muted" data-testid="review-answer">
          Host’s answer: {review.answer}
        </p>
      )}
    </>
  );
}

function RateSession({ sessionId, onRated }: { sessionId: string; onRated: (review: Review) => unknown }) {
  const [rating, setRating] = useState<number>();
  const [text, setText] = useState('');
  const rate = useMutation({
    mutationFn: () => reviews.rate(sessionId, rating!, text.trim() || undefined),
    onSuccess: onRated,
  });
  return (
    <form
      className="form review"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (rating) rate.mutate();
      }}
    >
      <fieldset className="stars">
        <legend>Rate this session</legend>
        {RATINGS.map((n) => (
          <label key={n} className={rating && n <= rating ? 'star on' : 'star'}>
            <input
              type="radio"
              name={`rating-${sessionId}`}
              value={n}
              checked={rating === n}
              onChange={() => setRating(n)}
              aria-label={starsLabel(n)}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      <label>
        Review (optional, shown on the host’s profile)
        <textarea maxLength={REVIEW_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!rating || rate.isPending}>
        Send rating
      </button>
      <ErrorAlert message={rate.error ? errorText(rate.error) : undefined} />
    </form>
  );
}

function AnswerReview({ sessionId, onAnswered }: { sessionId: string; onAnswered: (review: Review) => unknown }) {
  const [text, setText] = useState('');
  const answer = useMutation({ mutationFn: () => reviews.answer(sessionId, text.trim()), onSuccess: onAnswered });
  return (
    <form
      className="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (text.trim()) answer.mutate();
      }}
    >
      <label>
        Your public answer (once)
        <textarea maxLength={REVIEW_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!text.trim() || answer.isPending}>
        Answer
      </button>
      <ErrorAlert message={answer.error ? errorText(answer.error) : undefined} />
    </form>
  );
}
