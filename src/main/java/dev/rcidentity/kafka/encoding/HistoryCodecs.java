package dev.rcidentity.kafka.encoding;

import dev.rcidentity.model.ExtensionHistory;
import dev.rcidentity.model.HistoryRow;
import dev.rcidentity.model.NumberEvent;
import dev.rcidentity.model.NumberHoldings;

/** The type-2 history of an extension and the number index it feeds. */
final class HistoryCodecs {
    static final Codec<HistoryRow> ROW = new Codec<>() {
        @Override
        public void write(HistoryRow r, BinaryOut out) {
            out.writeString(r.rowId());
            out.writeString(r.extensionId());
            out.writeString(r.accountId());
            out.writeSignedVarLong(r.version());
            out.writeInstant(r.validFrom());
            out.writeInstant(r.validTo());
            out.writeBoolean(r.current());
            out.writeString(r.change());
            out.writeString(r.extensionNumber());
            out.writeString(r.name());
            out.writeString(r.type());
            out.writeString(r.status());
            out.writeBoolean(r.admin());
        }

        @Override
        public HistoryRow read(BinaryIn in) {
            return new HistoryRow(in.readString(), in.readString(), in.readString(), in.readSignedVarLong(),
                    in.readInstant(), in.readInstant(), in.readBoolean(), in.readString(), in.readString(),
                    in.readString(), in.readString(), in.readString(), in.readBoolean());
        }
    };

    static final Codec<ExtensionHistory> HISTORY = new Codec<>() {
        @Override
        public void write(ExtensionHistory h, BinaryOut out) {
            out.writeList(h.rows(), ROW);
        }

        @Override
        public ExtensionHistory read(BinaryIn in) {
            return new ExtensionHistory(in.readList(ROW));
        }
    };

    static final Codec<NumberHoldings.Holding> HOLDING = new Codec<>() {
        @Override
        public void write(NumberHoldings.Holding h, BinaryOut out) {
            out.writeString(h.extensionId());
            out.writeInstant(h.from());
            out.writeInstant(h.to());
        }

        @Override
        public NumberHoldings.Holding read(BinaryIn in) {
            return new NumberHoldings.Holding(in.readString(), in.readInstant(), in.readInstant());
        }
    };

    static final Codec<NumberHoldings> HOLDINGS = new Codec<>() {
        @Override
        public void write(NumberHoldings h, BinaryOut out) {
            out.writeList(h.holdings(), HOLDING);
        }

        @Override
        public NumberHoldings read(BinaryIn in) {
            return new NumberHoldings(in.readList(HOLDING));
        }
    };

    static final Codec<NumberEvent> NUMBER_EVENT = new Codec<>() {
        @Override
        public void write(NumberEvent e, BinaryOut out) {
            out.writeString(e.extensionId());
            out.writeBoolean(e.held());
            out.writeInstant(e.at());
        }

        @Override
        public NumberEvent read(BinaryIn in) {
            return new NumberEvent(in.readString(), in.readBoolean(), in.readInstant());
        }
    };

    private HistoryCodecs() {
    }
}
