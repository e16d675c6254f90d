package dev.rcidentity.topology;

import dev.rcidentity.model.Identity;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** A processor of one input topic whose records may change identities; they all share the task's stores. */
abstract class IdentityInputProcessor<V> extends ContextualProcessor<String, V, String, Identity> {
    protected IdentityUpdater identities;

    @Override
    public void init(ProcessorContext<String, Identity> context) {
        super.init(context);
        identities = new IdentityUpdater(context);
    }
}
