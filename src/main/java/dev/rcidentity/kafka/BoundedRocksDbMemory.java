package dev.rcidentity.kafka;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.HyperClockCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

/**
 * One block cache for every RocksDB store of this process (index and filter blocks included), and small memtables,
 * so that off-heap memory stays bounded. Kafka Streams' default gives each store instance its own 50 MiB block cache
 * and up to 3 x 16 MiB of memtables, and this topology has ~8 RocksDB instances per partition.
 * <p>
 * No shared WriteBufferManager: with ~50 instances written at once, a 48 MiB manager made every write flush the
 * written store's small memtable, and the flush and compaction storm stalled the stream thread (bench --quick stuck
 * in the login runs with the RocksDB threads busy). Memtables are bounded per instance instead:
 * {@link #WRITE_BUFFER_BYTES} x {@link #MAX_WRITE_BUFFERS} each.
 * <p>
 * Bloom filters on every level: Kafka Streams turns on {@code optimizeFiltersForHits}, which leaves the last level
 * (most of the data) without one, for stores whose lookups mostly find their key. Most of ours do not: a first login
 * looks up an identity that does not exist yet, a new extension a snapshot, history and number that do not.
 * <p>
 * Point reads (every HTTP lookup and batch item is one or two) pay for the cache's lookups: with index and filter
 * blocks in the cache, a read looked up three blocks per file it searched. The L0 files' index and filter blocks stay
 * pinned (still charged to the cache), and data blocks carry a hash index beside the binary one (newly written files;
 * iteration is unchanged), so a read looks up one block and finds its key without a binary search.
 * <p>
 * The cache is RocksDB's HyperClockCache, which finds and pins a block without a shard mutex: under the LRU cache,
 * its lookups, locks and list updates were ~7 % of an owner batch's serving threads' CPU (perf), ~4 % now. Capacity
 * and charging (index and filter blocks included) are the same; the entry size is left to RocksDB to estimate.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    static final long CACHE_BYTES = 64L * 1024 * 1024;
    static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;
    static final int MAX_WRITE_BUFFERS = 2;

    static {
        RocksDB.loadLibrary(); // the cache below is native
    }

    // Shared by every store in the process, never closed (closing one store must not close the others').
    private static final Cache CACHE = new HyperClockCache(CACHE_BYTES, 0, -1, false);

    /** The shared block cache, for the tests that look at what it holds. */
    static Cache cache() {
        return CACHE;
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setPinL0FilterAndIndexBlocksInCache(true);
        table.setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash);
        options.setTableFormatConfig(table);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(MAX_WRITE_BUFFERS);
        options.setOptimizeFiltersForHits(false);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache is shared: nothing of this store's own to close.
    }
}
