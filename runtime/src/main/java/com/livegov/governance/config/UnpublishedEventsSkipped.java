package com.livegov.governance.config;

import java.util.Collection;
import java.util.List;

import org.kie.kogito.Addons;
import org.kie.kogito.event.DataEvent;
import org.kie.kogito.event.EventBatch;
import org.kie.kogito.event.EventManager;
import org.kie.kogito.event.EventPublisher;
import org.kie.kogito.event.impl.BaseEventManager;

/**
 * Kogito's event manager, except that a unit of work collects no events while no {@link EventPublisher} is
 * registered (this application registers none: its history and audit trail come from process and task listeners).
 *
 * <p>Kogito 10.1's own batch ({@code DefaultInstanceEventBatch}) looks its event adapters up with a
 * {@code ServiceLoader} every time a unit of work starts, which in the Spring Boot jar walks the service files of
 * every nested jar: an eighth of the server's time under load, for events that nobody receives. Once a publisher
 * is registered, every batch is Kogito's own again.
 */
final class UnpublishedEventsSkipped implements EventManager {

    /** A batch that keeps nothing: there is nobody to publish it to. */
    static final EventBatch NOTHING = new EventBatch() {

        @Override
        public void append(Object rawEvent) {
            // nobody receives it
        }

        @Override
        public Collection<DataEvent<?>> events() {
            return List.of();
        }
    };

    private final BaseEventManager kogitos = new BaseEventManager();
    private volatile boolean anyPublisher;

    @Override
    public EventBatch newBatch() {
        return anyPublisher ? kogitos.newBatch() : NOTHING;
    }

    @Override
    public void publish(EventBatch batch) {
        if (batch != NOTHING) {
            kogitos.publish(batch);
        }
    }

    @Override
    public void addPublisher(EventPublisher publisher) {
        kogitos.addPublisher(publisher);
        anyPublisher = true;
    }

    @Override
    public void setService(String service) {
        kogitos.setService(service);
    }

    @Override
    public void setAddons(Addons addons) {
        kogitos.setAddons(addons);
    }
}
