package app.carryover.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Ids made one after another sort in the order they were made, as PostgreSQL compares uuids (bytewise). */
class UuidsTests {

    @Test
    void idsMadeInOneMillisecondStillSortInTheOrderTheyWereMade() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Uuids.timeOrdered());
        }
        for (int i = 1; i < ids.size(); i++) {
            UUID a = ids.get(i - 1);
            UUID b = ids.get(i);
            int order = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            if (order == 0) {
                order = Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            }
            assertThat(order).as("%s before %s", a, b).isNegative();
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
    }
}
