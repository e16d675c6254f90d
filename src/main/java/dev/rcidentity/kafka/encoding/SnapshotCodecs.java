package dev.rcidentity.kafka.encoding;

import dev.rcidentity.model.AccountSnapshot;
import dev.rcidentity.model.Contact;
import dev.rcidentity.model.ExtensionSnapshot;
import dev.rcidentity.model.ListedExtension;

/** Extension and account snapshots, fields in declaration order. */
final class SnapshotCodecs {
    static final Codec<Contact> CONTACT = new Codec<>() {
        @Override
        public void write(Contact c, BinaryOut out) {
            out.writeString(c.firstName());
            out.writeString(c.lastName());
            out.writeString(c.email());
            out.writeString(c.department());
            out.writeString(c.jobTitle());
        }

        @Override
        public Contact read(BinaryIn in) {
            return new Contact(in.readString(), in.readString(), in.readString(), in.readString(), in.readString());
        }
    };

    static final Codec<ExtensionSnapshot> EXTENSION = new Codec<>() {
        @Override
        public void write(ExtensionSnapshot s, BinaryOut out) {
            out.writeString(s.accountId());
            out.writeString(s.extensionId());
            out.writeString(s.extensionNumber());
            out.writeString(s.name());
            out.writeString(s.type());
            out.writeString(s.subType());
            out.writeString(s.status());
            out.writeBoolean(s.admin());
            out.writeBoolean(s.hidden());
            CONTACT.writeNullable(s.contact(), out);
            out.writeString(s.siteId());
            out.writeInstant(s.creationTime());
            out.writeBoolean(s.deleted());
            out.writeInstant(s.observedAt());
        }

        @Override
        public ExtensionSnapshot read(BinaryIn in) {
            return new ExtensionSnapshot(in.readString(), in.readString(), in.readString(), in.readString(),
                    in.readString(), in.readString(), in.readString(), in.readBoolean(), in.readBoolean(),
                    CONTACT.readNullable(in), in.readString(), in.readInstant(), in.readBoolean(), in.readInstant());
        }
    };

    static final Codec<ListedExtension> LISTED_EXTENSION = new Codec<>() {
        @Override
        public void write(ListedExtension e, BinaryOut out) {
            out.writeString(e.extensionId());
            out.writeString(e.status());
            out.writeString(e.type());
            out.writeBoolean(e.deleted());
        }

        @Override
        public ListedExtension read(BinaryIn in) {
            return new ListedExtension(in.readString(), in.readString(), in.readString(), in.readBoolean());
        }
    };

    static final Codec<AccountSnapshot> ACCOUNT = new Codec<>() {
        @Override
        public void write(AccountSnapshot a, BinaryOut out) {
            out.writeString(a.accountId());
            out.writeString(a.companyName());
            out.writeString(a.mainNumber());
            out.writeString(a.status());
            out.writeString(a.brand());
            out.writeInstant(a.observedAt());
        }

        @Override
        public AccountSnapshot read(BinaryIn in) {
            return new AccountSnapshot(in.readString(), in.readString(), in.readString(), in.readString(),
                    in.readString(), in.readInstant());
        }
    };

    private SnapshotCodecs() {
    }
}
