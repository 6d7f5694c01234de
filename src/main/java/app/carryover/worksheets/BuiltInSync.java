package app.carryover.worksheets;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.carryover.system.Uuids;

/**
 * Copies the shipped built-in worksheets into the database at start-up, before the server takes
 * requests: every (key, version) not yet stored is inserted; a stored one is never changed. A
 * shipped definition that differs from its stored copy is a release mistake (an edit needs a new
 * version), so it is logged and the stored copy — the one entries were filled against — stays.
 * Safe when several nodes start at once.
 */
@Component
class BuiltInSync implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BuiltInSync.class);

    private final WorksheetStore store;
    private final WorksheetLibrary library;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BuiltInSync(WorksheetStore store, WorksheetLibrary library, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.library = library;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int added = sync();
        log.info("Built-in worksheets: {} shipped, {} newly stored", BuiltInWorksheets.all().size(), added);
    }

    /** Stores any shipped built-in version not yet stored; answers how many it stored. */
    int sync() {
        int added = 0;
        for (WorksheetDefinition shipped : BuiltInWorksheets.all()) {
            if (!WorksheetLibrary.isBuiltIn(shipped.key())) {
                throw new IllegalStateException("built-in keys must not start with " + WorksheetStore.CUSTOM_PREFIX);
            }
            Boolean inserted = transactions.execute(tx -> {
                store.insertWorksheet(WorksheetStore.BUILT_IN, shipped.key(), null, null, null, null, clock.instant());
                return store.insertVersion(WorksheetStore.BUILT_IN, Uuids.timeOrdered(), shipped, null, null,
                        clock.instant());
            });
            if (Boolean.TRUE.equals(inserted)) {
                added++;
                continue;
            }
            Optional<WorksheetDefinition> stored = library.find(WorksheetStore.BUILT_IN, shipped.key(), shipped.version());
            if (stored.isPresent() && !stored.get().equals(shipped)) {
                log.warn("Built-in worksheet {} version {} differs from its stored copy; the stored copy is kept. "
                        + "Ship an edit as a new version.", shipped.key(), shipped.version());
            }
        }
        return added;
    }
}
