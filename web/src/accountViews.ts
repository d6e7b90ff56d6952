import { ApiError } from './api';

/** Whether a failed sign-in asks for the second factor (the password was right). */
export function needsSecondFactor(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && !!error.problem.type?.endsWith('/two-factor-required');
}

/** Groups a Base32 secret in fours, as it is easiest to type into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** How long a grace period is, in words. */
export function graceText(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
