import { memo } from 'react';
import type { ProfileView } from '../shared/profile';
import type { ApiResult } from '../shared/results';
import type { RequestDraft } from './request-draft';
import { RequestEditor } from './request/request-editor';
import { useTokenState } from './use-token-state';

interface RequestTesterProps {
  profile: ProfileView;
  tokenState: 'none' | 'expired' | 'valid';
  draft: RequestDraft;
  onDraft: (update: (prev: RequestDraft) => RequestDraft) => void;
  result: ApiResult | null;
  onResult: (result: ApiResult) => void;
}

/**
 * Calls the team's APIs with the current token and shows the answer: the request editor of a
 * request tab, for a view that keeps the draft itself (the profile page).
 */
export const RequestTester = memo(function RequestTester(props: RequestTesterProps) {
  const pushed = useTokenState(props.profile.id);
  return <RequestEditor {...props} grantedScopes={pushed?.token?.grantedScopes ?? null} />;
});
