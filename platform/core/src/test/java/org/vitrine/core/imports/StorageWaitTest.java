package org.vitrine.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StorageWaitTest {

    @Test
    void the_wait_before_trying_a_job_again_doubles_from_five_seconds_up_to_five_minutes() {
        assertEquals(5, ImportJobRunner.storageWaitSeconds(1));
        assertEquals(10, ImportJobRunner.storageWaitSeconds(2));
        assertEquals(20, ImportJobRunner.storageWaitSeconds(3));
        assertEquals(300, ImportJobRunner.storageWaitSeconds(7));
        assertEquals(300, ImportJobRunner.storageWaitSeconds(Integer.MAX_VALUE));
    }
}
