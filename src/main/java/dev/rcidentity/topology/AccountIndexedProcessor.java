package dev.rcidentity.topology;

import dev.rcidentity.model.Identity;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/** An input processor that also reads or keeps the per-account listing of extensions. */
abstract class AccountIndexedProcessor<V> extends IdentityInputProcessor<V> {
    protected AccountIndex accountIndex;

    @Override
    public void init(ProcessorContext<String, Identity> context) {
        super.init(context);
        accountIndex = new AccountIndex(context);
    }
}
