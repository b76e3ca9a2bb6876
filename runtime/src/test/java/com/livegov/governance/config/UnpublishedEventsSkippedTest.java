package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kie.kogito.event.DataEvent;
import org.kie.kogito.event.EventBatch;
import org.kie.kogito.event.EventPublisher;
import org.kie.kogito.event.impl.DefaultInstanceEventBatch;

/** Process events are collected only once somebody publishes them; then they are Kogito's own batches again. */
class UnpublishedEventsSkippedTest {

    @Test
    void whileNoPublisherIsRegisteredAUnitOfWorkCollectsNothing() {
        UnpublishedEventsSkipped events = new UnpublishedEventsSkipped();

        EventBatch batch = events.newBatch();
        batch.append(new Object());

        assertThat(batch).isSameAs(UnpublishedEventsSkipped.NOTHING);
        assertThat(batch.events()).isEmpty();
        events.publish(batch);
    }

    @Test
    void onceAPublisherIsRegisteredEveryBatchIsKogitosAndIsPublished() {
        UnpublishedEventsSkipped events = new UnpublishedEventsSkipped();
        events.setService("http://localhost:8080");
        List<Collection<DataEvent<?>>> published = new ArrayList<>();
        events.addPublisher(new EventPublisher() {

            @Override
            public void publish(DataEvent<?> event) {
                published.add(List.of(event));
            }

            @Override
            public void publish(Collection<DataEvent<?>> batch) {
                published.add(batch);
            }
        });

        EventBatch batch = events.newBatch();
        events.publish(batch);

        assertThat(batch).isInstanceOf(DefaultInstanceEventBatch.class);
        assertThat(published).as("Kogito's manager hands a batch to its publishers").hasSize(1);
    }
}
