package dev.rcidentity.query;

import dev.rcidentity.kafka.StateStores;
import dev.rcidentity.model.ExtensionSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /v1/numbers/resolve}: the number index names each number's holder, then the holder's snapshot as of the
 * time is read, each step one batch ({@link BatchReads}). The instance a number batch is forwarded to also reads the
 * snapshots of the holders whose active copy it holds itself (where the asking instance would forward them anyway), so
 * those items need one forwarded round instead of two; for the others it names the holder ({@link #HELD_BY}) and the
 * asking instance reads their snapshots in its second step, as it reads those of the holders it found itself.
 */
final class NumberResolution {
    /**
     * The code of an item a forwarded number batch answers with its holder's extension id (as the message) instead of
     * the snapshot; internal between instances, never in a public answer.
     */
    static final String HELD_BY = "held_by";

    private final QueryService queries;
    private final BatchReads batches;
    private final BatchKind<NumberHolderQuery, NumberHolderQuery.Holder> holders;

    NumberResolution(QueryService queries, BatchReads batches,
                     BatchKind<NumberHolderQuery, NumberHolderQuery.Holder> holders) {
        this.queries = queries;
        this.batches = batches;
        this.holders = holders;
    }

    /** The answers in the order of {@code parsed}: each a snapshot, or why there is none. */
    List<BatchItem<?>> resolve(List<BatchBody.Parsed<NumberHolderQuery>> parsed, ReadContext context) {
        List<BatchItem<NumberHolderQuery.Holder>> found = batches.serveParsed(holders, parsed, context);
        List<BatchItem<?>> answers = new ArrayList<>(found);
        List<Integer> held = new ArrayList<>();
        List<ExtensionQuery> snapshots = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            String extensionId = heldBy(found.get(i));
            if (extensionId != null) {
                held.add(i);
                snapshots.add(new ExtensionQuery(extensionId, parsed.get(i).query().at()));
            }
        }
        List<BatchItem<ExtensionSnapshot>> read = batches.serve(BatchKinds.EXTENSIONS_AT, snapshots, context);
        for (int j = 0; j < held.size(); j++) {
            answers.set(held.get(j), read.get(j));
        }
        return answers;
    }

    /** The holder whose snapshot is still to be read (found here, or named by another instance); else null. */
    static String heldBy(BatchItem<NumberHolderQuery.Holder> item) {
        if (item.value() != null) {
            return item.value().extensionId();
        }
        return item.error() != null && HELD_BY.equals(item.error().code()) ? item.error().message() : null;
    }

    /** The internal route: a number batch forwarded by another instance, see the class comment. */
    ApiResponse answer(ApiRequest request) {
        ReadContext context = ReadContext.of(request);
        List<BatchBody.Parsed<NumberHolderQuery>> parsed = BatchBody.parse(holders, BatchBody.items(request.body(), "items"));
        List<BatchItem<NumberHolderQuery.Holder>> found = batches.serveParsed(holders, parsed, context);
        List<BatchItem<?>> answers = new ArrayList<>(found);
        LocalReads here = queries.batchReads();
        Function<String, Placement> placements = queries.placementsOf(StateStores.EXTENSIONS.name());
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).value() != null) {
                ExtensionQuery snapshot = new ExtensionQuery(found.get(i).value().extensionId(), parsed.get(i).query().at());
                answers.set(i, snapshotHere(here, placements.apply(snapshot.key()), snapshot, context)
                        .orElseGet(() -> BatchItem.failed(new BatchItem.Error(HELD_BY, snapshot.extensionId()), null)));
            }
        }
        return batches.forwardedAnswer(answers);
    }

    /** The snapshot read from the active copy here, when this instance holds it and can read it now. */
    private Optional<BatchItem<ExtensionSnapshot>> snapshotHere(LocalReads here, Placement placement,
                                                                ExtensionQuery snapshot, ReadContext context) {
        List<ServePlan.Attempt> plan = queries.plan(placement, context);
        if (plan.isEmpty() || !(plan.get(0) instanceof ServePlan.ActiveHere active)) {
            return Optional.empty();
        }
        return queries.readHere(here, snapshot, placement.partition(), active, context)
                .map(served -> BatchReads.item(BatchKinds.EXTENSIONS_AT, snapshot, served));
    }
}
