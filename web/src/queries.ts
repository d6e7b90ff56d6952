import { QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError } from './api';
import { users } from './endpoints';
import type { User } from './types';

/**
 * Server state outside the chat cache: profiles, admin pages, money views. A network failure or a 5xx is retried
 * twice; a 4xx answer is final (retrying a 403 or a 422 only repeats it).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && !error.isRetryable),
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

/** A public profile, shared by every view that shows the person (fetched once, refreshed when stale). */
export function useProfile(userId: string | undefined): User | undefined {
  return useQuery({
    queryKey: ['user', userId],
    queryFn: () => users.get(userId!),
    enabled: !!userId,
    staleTime: 5 * 60_000,
  }).data;
}
