package dev.rcidentity.kafka;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.Options;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
