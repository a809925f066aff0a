import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip or a 5xx may.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      // always try: see mutations
      networkMode: 'always',
    },
    mutations: {
      // The default ('online') pauses a request while `navigator.onLine` says offline, and browsers
      // say so wrongly on some networks (intranets, captive portals): the button would spin with no
      // request sent. Trying, and failing with the network error when really offline, is clearer.
      networkMode: 'always',
    },
  },
});
