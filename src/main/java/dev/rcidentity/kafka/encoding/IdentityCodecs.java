package dev.rcidentity.kafka.encoding;

import dev.rcidentity.model.AccountSummary;
import dev.rcidentity.model.Identity;
import dev.rcidentity.model.IdentityState;
import dev.rcidentity.model.LoginMark;
import dev.rcidentity.model.Resolution;

/** The identity store's value: the identity, the account a login named, the recent logins. */
final class IdentityCodecs {
    static final Codec<AccountSummary> ACCOUNT_SUMMARY = new Codec<>() {
        @Override
        public void write(AccountSummary a, BinaryOut out) {
            out.writeString(a.companyName());
            out.writeString(a.mainNumber());
            out.writeString(a.status());
        }

        @Override
        public AccountSummary read(BinaryIn in) {
            return new AccountSummary(in.readString(), in.readString(), in.readString());
        }
    };

    static final Codec<Identity> IDENTITY = new Codec<>() {
        @Override
        public void write(Identity i, BinaryOut out) {
            out.writeString(i.ownerId());
            out.writeString(i.extensionId());
            out.writeString(i.accountId());
            out.writeByte(resolutionCode(i.resolution()));
            out.writeBoolean(i.accountRoot());
            out.writeString(i.extensionNumber());
            out.writeString(i.name());
            out.writeString(i.type());
            out.writeString(i.status());
            out.writeNullableBoolean(i.admin());
            ACCOUNT_SUMMARY.writeNullable(i.account(), out);
            out.writeInstant(i.firstLoginAt());
            out.writeInstant(i.lastLoginAt());
            out.writeSignedVarLong(i.loginCount());
            out.writeString(i.extensionNumberAtLogin());
            out.writeInstant(i.updatedAt());
        }

        @Override
        public Identity read(BinaryIn in) {
            return new Identity(in.readString(), in.readString(), in.readString(), resolution(in), in.readBoolean(),
                    in.readString(), in.readString(), in.readString(), in.readString(), in.readNullableBoolean(),
                    ACCOUNT_SUMMARY.readNullable(in), in.readInstant(), in.readInstant(), in.readSignedVarLong(),
                    in.readString(), in.readInstant());
        }
    };

    static final Codec<LoginMark> LOGIN_MARK = new Codec<>() {
        @Override
        public void write(LoginMark m, BinaryOut out) {
            out.writeInstant(m.at());
            out.writeString(m.source());
        }

        @Override
        public LoginMark read(BinaryIn in) {
            return new LoginMark(in.readInstant(), in.readString());
        }
    };

    static final Codec<IdentityState> STATE = new Codec<>() {
        @Override
        public void write(IdentityState s, BinaryOut out) {
            IDENTITY.writeNullable(s.identity(), out);
            out.writeString(s.loginAccountId());
            out.writeList(s.recentLogins(), LOGIN_MARK);
        }

        @Override
        public IdentityState read(BinaryIn in) {
            return new IdentityState(IDENTITY.readNullable(in), in.readString(), in.readList(LOGIN_MARK));
        }
    };

    private IdentityCodecs() {
    }

    /** Fixed codes, not ordinals: reordering the enum must not change what stored bytes mean. 0 is null. */
    private static int resolutionCode(Resolution resolution) {
        if (resolution == null) {
            return 0;
        }
        return switch (resolution) {
            case RESOLVED -> 1;
            case UNRESOLVED -> 2;
            case DELETED -> 3;
        };
    }

    private static Resolution resolution(BinaryIn in) {
        int code = in.readByte();
        return switch (code) {
            case 0 -> null;
            case 1 -> Resolution.RESOLVED;
            case 2 -> Resolution.UNRESOLVED;
            case 3 -> Resolution.DELETED;
            default -> throw in.malformed("an unknown Resolution code " + code);
        };
    }
}
