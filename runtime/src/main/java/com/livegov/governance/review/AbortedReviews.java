package com.livegov.governance.review;

import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.kogito.internal.process.event.DefaultKogitoProcessEventListener;
import org.kie.kogito.internal.process.runtime.KogitoProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A review whose process instance is aborted ({@code DELETE /permissionReview/{id}}) is recorded as aborted, in the
 * same transaction, so that it no longer holds its quarter. Downgrades it requested already keep their approvals.
 */
@Component
class AbortedReviews extends DefaultKogitoProcessEventListener {

    private final ReviewRecords records;

    AbortedReviews(ReviewRecords records) {
        this.records = records;
    }

    @Override
    public void afterProcessCompleted(ProcessCompletedEvent event) {
        KogitoProcessInstance instance = (KogitoProcessInstance) event.getProcessInstance();
        if (PermissionReview.PROCESS_ID.equals(instance.getProcessId()) && instance.getState() == KogitoProcessInstance.STATE_ABORTED) {
            records.abort(instance.getStringId());
        }
    }
}
