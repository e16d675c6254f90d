package dev.rcidentity.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedRocksDbMemoryTest {
    @Test
    void everyStoreSharesTheBoundedCacheAndReadsPointsWithoutExtraCacheLookups() {
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedRocksDbMemory().setConfig("identities", options, Map.of());

            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertTrue(table.cacheIndexAndFilterBlocks(), "index and filter blocks are charged to the shared cache");
            assertTrue(table.pinL0FilterAndIndexBlocksInCache(), "L0 index and filter blocks stay pinned");
            assertEquals(DataBlockIndexType.kDataBlockBinaryAndHash, table.dataBlockIndexType());
            assertEquals(BoundedRocksDbMemory.WRITE_BUFFER_BYTES, options.writeBufferSize());
            assertEquals(BoundedRocksDbMemory.MAX_WRITE_BUFFERS, options.maxWriteBufferNumber());
            assertFalse(options.optimizeFiltersForHits(), "bloom filters on the last level too");
        }
    }

    @Test
    void aStoreWithTheseSettingsReadsWhatItFlushedThroughTheSharedCacheWithinItsCapacity(@TempDir Path dir)
            throws RocksDBException {
        int keys = 20_000;
        try (Options options = new Options().setCreateIfMissing(true)) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedRocksDbMemory().setConfig("extensions", options, Map.of());
            try (RocksDB db = RocksDB.open(options, dir.toString()); FlushOptions flush = new FlushOptions()) {
                for (int i = 0; i < keys; i++) {
                    db.put(key(i), value(i));
                }
                db.flush(flush.setWaitForFlush(true)); // the reads below come from a table file, through the cache
                for (int i = 0; i < keys; i++) {
                    assertArrayEquals(value(i), db.get(key(i)), "key " + i);
                }
                assertNull(db.get(key(keys)), "a key never written");
                long used = BoundedRocksDbMemory.cache().getUsage();
                assertTrue(used > 0 && used <= BoundedRocksDbMemory.CACHE_BYTES, "cache usage " + used);
            }
        }
    }

    private static byte[] key(int i) {
        return ("owner-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        return ("snapshot of extension " + i + " ".repeat(i % 50)).getBytes(StandardCharsets.UTF_8);
    }
}
