package dev.rcidentity.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RingCentralSimulator} is set up. Build with {@link #builder()}; every setting has a default that
 * matches RingCentral's own defaults where there is one.
 *
 * @param port                 TCP port on 127.0.0.1; 0 picks a free one
 * @param accounts             number of simulated accounts (companies)
 * @param extensionsPerAccount extensions per account at start, system extension included
 * @param seed                 seed of all generated data and of every {@link RingCentralSimulator#tick()}
 * @param clock                the time source of tokens, rate limits and creation times
 * @param autoTickInterval     when not null, the simulator ticks on its own at this interval (real time)
 * @param requestLogCapacity   how many recent requests {@link RingCentralSimulator#requests()} keeps
 */
public record SimulatorOptions(
        int port,
        int accounts,
        int extensionsPerAccount,
        long seed,
        Clock clock,
        int lightLimit,
        int mediumLimit,
        int heavyLimit,
        int authLimit,
        Duration rateLimitWindow,
        Duration rateLimitPenalty,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration autoTickInterval,
        int requestLogCapacity) {

    public static final int MAX_ACCOUNTS = 1_000;
    public static final int MAX_EXTENSIONS_PER_ACCOUNT = 100_000;
    public static final long DEFAULT_SEED = 42L;

    public SimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        requireRange("port", port, 0, 65_535);
        requireRange("accounts", accounts, 1, MAX_ACCOUNTS);
        requireRange("extensionsPerAccount", extensionsPerAccount, 1, MAX_EXTENSIONS_PER_ACCOUNT);
        requireRange("lightLimit", lightLimit, 1, 1_000_000);
        requireRange("mediumLimit", mediumLimit, 1, 1_000_000);
        requireRange("heavyLimit", heavyLimit, 1, 1_000_000);
        requireRange("authLimit", authLimit, 1, 1_000_000);
        requireRange("requestLogCapacity", requestLogCapacity, 0, 1_000_000);
        requirePositive("rateLimitWindow", rateLimitWindow);
        requirePositive("rateLimitPenalty", rateLimitPenalty);
        requirePositive("accessTokenTtl", accessTokenTtl);
        requirePositive("refreshTokenTtl", refreshTokenTtl);
        if (autoTickInterval != null) {
            requirePositive("autoTickInterval", autoTickInterval);
        }
    }

    public static SimulatorOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int limit(RateLimitGroup group) {
        return switch (group) {
            case LIGHT -> lightLimit;
            case MEDIUM -> mediumLimit;
            case HEAVY -> heavyLimit;
            case AUTH -> authLimit;
        };
    }

    public Builder toBuilder() {
        return new Builder()
                .port(port).accounts(accounts).extensionsPerAccount(extensionsPerAccount).seed(seed).clock(clock)
                .limit(RateLimitGroup.LIGHT, lightLimit).limit(RateLimitGroup.MEDIUM, mediumLimit)
                .limit(RateLimitGroup.HEAVY, heavyLimit).limit(RateLimitGroup.AUTH, authLimit)
                .rateLimitWindow(rateLimitWindow).rateLimitPenalty(rateLimitPenalty)
                .accessTokenTtl(accessTokenTtl).refreshTokenTtl(refreshTokenTtl)
                .autoTickInterval(autoTickInterval).requestLogCapacity(requestLogCapacity);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public static final class Builder {
        private int port = 0;
        private int accounts = 3;
        private int extensionsPerAccount = 200;
        private long seed = DEFAULT_SEED;
        private Clock clock = Clock.systemUTC();
        private int lightLimit = 50;
        private int mediumLimit = 40;
        private int heavyLimit = 10;
        private int authLimit = 5;
        private Duration rateLimitWindow = Duration.ofSeconds(60);
        private Duration rateLimitPenalty = Duration.ofSeconds(60);
        private Duration accessTokenTtl = Duration.ofHours(1);
        private Duration refreshTokenTtl = Duration.ofDays(7);
        private Duration autoTickInterval = null;
        private int requestLogCapacity = 100_000;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder accounts(int accounts) {
            this.accounts = accounts;
            return this;
        }

        public Builder extensionsPerAccount(int extensionsPerAccount) {
            this.extensionsPerAccount = extensionsPerAccount;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder limit(RateLimitGroup group, int requestsPerWindow) {
            switch (group) {
                case LIGHT -> lightLimit = requestsPerWindow;
                case MEDIUM -> mediumLimit = requestsPerWindow;
                case HEAVY -> heavyLimit = requestsPerWindow;
                case AUTH -> authLimit = requestsPerWindow;
            }
            return this;
        }

        public Builder rateLimitWindow(Duration window) {
            this.rateLimitWindow = window;
            return this;
        }

        public Builder rateLimitPenalty(Duration penalty) {
            this.rateLimitPenalty = penalty;
            return this;
        }

        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = ttl;
            return this;
        }

        public Builder refreshTokenTtl(Duration ttl) {
            this.refreshTokenTtl = ttl;
            return this;
        }

        /** {@code null} (the default) means the data only changes on {@link RingCentralSimulator#tick()}. */
        public Builder autoTickInterval(Duration interval) {
            this.autoTickInterval = interval;
            return this;
        }

        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(port, accounts, extensionsPerAccount, seed, clock, lightLimit, mediumLimit,
                    heavyLimit, authLimit, rateLimitWindow, rateLimitPenalty, accessTokenTtl, refreshTokenTtl,
                    autoTickInterval, requestLogCapacity);
        }
    }
}
