/** While data loads: a loading message; when loading failed: why, with a retry where that can help. Nothing once it is there. */
import type { ReactNode } from 'react';
import type { ApiResult } from '../api/hooks.ts';
import { ErrorMessage, Loading } from './Feedback.tsx';

export function LoadState({ result, loading }: { result: ApiResult<unknown>; loading?: ReactNode }) {
  if (result.state === 'error') return <ErrorMessage error={result.error} retry={result.reload} />;
  if (result.state === 'loading') return <Loading>{loading}</Loading>;
  return null;
}
