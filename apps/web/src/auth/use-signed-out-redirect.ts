import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { GraphQLErrorCode } from '../graphql/client';
import { useSessionStore } from './session.store';

/**
 * When a screen's data request answers UNAUTHENTICATED (the session expired or was
 * ended elsewhere), forget the session and send the person to sign in, to come back here.
 */
export function useSignedOutRedirect(errorCode: () => GraphQLErrorCode | null | undefined): void {
  const session = useSessionStore();
  const router = useRouter();
  const route = useRoute();
  watch(
    errorCode,
    (code) => {
      if (code !== 'UNAUTHENTICATED') return;
      const redirect = route.fullPath;
      session.forget();
      void router.replace({ name: 'sign-in', query: { redirect } });
    },
    { immediate: true },
  );
}
