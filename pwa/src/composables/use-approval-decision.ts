import { showNotify, showSuccessToast } from 'vant';
import { type Ref, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { type ApprovalDecision, type ApprovalFieldsFragment, DecideApprovalDocument } from '../gql/graphql';
import { GraphQLRequestError } from '../lib/graphql-errors';
import { useApprovalInbox } from './use-approval-inbox';
import { useErrorText, useGraphQL } from './use-graphql';

export type DecideOutcome =
  | { ok: true; request: ApprovalFieldsFragment }
  /** `field` set: the input was wrong (a reject without comment) and the form shows it; `request` is the state after a refusal. */
  | { ok: false; message: string; field?: string; request?: ApprovalFieldsFragment | null };

export interface ApprovalDecisionState {
  /** The request being decided right now, to show a spinner on its buttons. */
  deciding: Ref<string | null>;
  decide(requestId: string, decision: ApprovalDecision, comment?: string): Promise<DecideOutcome>;
}

/**
 * Approve or reject one step. A refusal the approver cannot fix by typing (already decided, no longer
 * the approver, window passed) shows the server's Chinese message and fetches the request again, so
 * the inbox and the page show what is true now.
 */
export function useApprovalDecision(): ApprovalDecisionState {
  const client = useGraphQL();
  const inbox = useApprovalInbox();
  const errorText = useErrorText();
  const { t } = useI18n();
  const deciding = ref<string | null>(null);

  async function decide(requestId: string, decision: ApprovalDecision, comment = ''): Promise<DecideOutcome> {
    deciding.value = requestId;
    try {
      const { decideApproval } = await client.request(DecideApprovalDocument, {
        input: { requestId, decision, comment: comment.trim() || null },
      });
      inbox.settle(decideApproval);
      showSuccessToast(t(decision === 'APPROVE' ? 'approval.approved' : 'approval.rejected'));
      return { ok: true, request: decideApproval };
    } catch (error) {
      const message = errorText(error);
      const field = error instanceof GraphQLRequestError ? error.field : undefined;
      if (field) return { ok: false, message, field };
      showNotify({ type: 'danger', message, duration: 4000 });
      const request = error instanceof GraphQLRequestError ? await inbox.reload(requestId) : undefined;
      return { ok: false, message, request };
    } finally {
      deciding.value = null;
    }
  }

  return { deciding, decide };
}
