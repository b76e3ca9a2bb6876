package com.livegov.governance.accounts;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An executed account action as recorded.
 *
 * @param request what was asked
 * @param outcome what the back office did
 * @param executedAt when
 * @param repeated whether this answer is the record of an earlier execution with the same action id
 */
public record ActionRecord(ActionRequest request, Map<String, Object> outcome, OffsetDateTime executedAt, boolean repeated) {
}
