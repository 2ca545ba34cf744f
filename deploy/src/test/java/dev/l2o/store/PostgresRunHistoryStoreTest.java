package dev.l2o.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresRunHistoryStoreTest extends RunHistoryStoreContract {
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    StoreDatabase openEmptyStore(Path folder) {
        return StoreDatabase.open(postgres.settings(postgres.createDatabase()), folder, postgres.credentials(), 4);
    }
}
